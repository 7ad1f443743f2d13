#pragma once

#include "core/store/database.h"

#include <string_view>
#include <vector>

namespace core {

/// One schema step of the campaign file. Steps are append-only: a released step is never
/// edited, a change is a new step.
struct Migration {
    int version; ///< schema version after this step (1, 2, ...)
    const char* summary;
    std::string_view sql;
};

/// The campaign file's steps, in order.
const std::vector<Migration>& campaignMigrations();
/// The newest schema version this build writes.
int latestCampaignSchemaVersion();

/// GeoPackage application_id 'GPKG' (0x47504B47) and the GeoPackage version we claim in
/// user_version (1.2.0). Our own schema version lives in ps_meta (see readSchemaVersion).
inline constexpr int kGpkgApplicationId = 0x47504B47;
inline constexpr int kGpkgUserVersion = 10200;

/// Our schema version (ps_meta.schema_version); 0 for a file without ps_meta.
int readSchemaVersion(Database& db);

/// Applies the steps after the file's version up to `target`, each in its own BEGIN IMMEDIATE
/// transaction that also bumps ps_meta.schema_version. Before the first step of a file that
/// already had a schema, the whole file is copied to `<file>.bak-v<old>` with the backup API.
/// Throws StoreError (file untouched) when the file is newer than this build.
void migrateCampaign(Database& db, int target);

} // namespace core
