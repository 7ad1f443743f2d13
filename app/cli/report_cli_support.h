#pragma once

// Shared by the export and report commands: the report time and the defect filter options.

#include "app/cli/args.h"
#include "app/cli/commands.h"
#include "core/store/campaign.h"

#include <QDateTime>
#include <QString>

namespace cli {

/// `export CAMPAIGN --out PATH ...`: defects as GPKG, GeoJSON, KML, shapefile, CSV or XLSX.
int runExport(Context& ctx);
/// `report CAMPAIGN [--unit NAME] --out report.xlsx|report.pdf`: the per-unit report (通报).
int runReport(Context& ctx);

/// The time given by --now ("2027-03-20T10:00:00Z", "2027-03-20T18:00+08:00"; without an
/// offset it is UTC), the current time when `given` is empty. Throws InvalidInput naming it.
QDateTime reportTime(const QString& given);

/// The filter of the options --status, --unit (id or name), --code, --card, --overdue (the
/// same as `defect list`). Throws InvalidInput naming the option.
core::DefectFilter defectFilter(const Args& args, core::Campaign& campaign);

} // namespace cli
