#pragma once

// Hand-made layers for tests that build their own geometry.

#include "core/model/layer_data.h"

#include <QString>

#include <initializer_list>
#include <memory>

namespace testing {

/// An empty layer named `name`, of geometry `kind`, in `crs` (e.g. "EPSG:32631"), with text
/// fields of the given names (ASCII), in order. Add features, then call buildIndex().
inline std::shared_ptr<core::LayerData> emptyLayer(const QString& name, core::GeometryKind kind,
                                                   const QString& crs,
                                                   std::initializer_list<const char*> fields) {
    auto layer = std::make_shared<core::LayerData>();
    layer->name = name;
    layer->kind = kind;
    layer->crsAuthId = crs;
    for (const char* field : fields)
        layer->fields.push_back({QString::fromLatin1(field), core::FieldType::String});
    return layer;
}

} // namespace testing
