#pragma once

#include <QString>

namespace core {

/// Absolute path of a shipped resource file (e.g. "rules/osm.json"), or "" when not found.
/// Looks in $PERISURVEY_RESOURCES, then beside the executable (../resources,
/// ../share/perisurvey), then in the source tree the program was built from. Thread: any.
QString resourcePath(const QString& relative);

} // namespace core
