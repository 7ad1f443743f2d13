#include "core/model/defect.h"

// Defect types are plain data; this file anchors the header in the library so that include
// checks compile it on its own.
