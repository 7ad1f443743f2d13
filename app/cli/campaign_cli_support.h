#pragma once

// Shared by the campaign, defect, card and audit commands: opening a campaign, moving points
// between CGCS2000 lon/lat and the working CRS, reading photos.

#include "app/cli/commands.h"
#include "core/store/campaign.h"

#include <QString>
#include <QTextStream>

#include <optional>

namespace cli {

// The campaign commands (also registered in dispatch.cpp; declared here so their tests do not
// depend on the dispatcher).
/// `campaign new|check|backup|info FILE ...`
int runCampaign(Context& ctx);
/// `defect add|list FILE ...`
int runDefect(Context& ctx);
/// `card issue|advance|return|close FILE DEFECT_ID ...`
int runCard(Context& ctx);
/// `cards overdue FILE [--escalate] [--json]`
int runCards(Context& ctx);
/// `audit verify FILE`
int runAudit(Context& ctx);

/// Opens FILE (the first positional) for writing or reading; a missing positional is an
/// InvalidInput error naming the command's synopsis.
core::Campaign openCampaign(const QStringList& positionals, const QString& synopsis, bool write);

/// EPSG:4490 lon/lat -> the campaign's working CRS (nullopt when it has none).
std::optional<core::Point> toWorking(core::Campaign& campaign, core::Point lonLat);

/// Reads a photo file with its EXIF (time, GPS); throws NotFound/Io naming the file.
core::PhotoInput readPhoto(const QString& path);

/// Escalates overdue cards on open and prints one line per escalated card.
void escalateOnOpen(core::Campaign& campaign, const QString& actor, QTextStream& out);

/// The actor recorded in the audit log: --inspector, else $USER, else "cli".
QString actorName(const QString& given);

} // namespace cli
