// `perisurvey-cli card issue|advance|return|close` and `cards overdue`: the supervision-card
// workflow (督办卡) of domain.md 5.3.

#include "app/cli/args.h"
#include "app/cli/campaign_cli_support.h"
#include "app/cli/commands.h"

#include "core/util/error.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace cli {

namespace {

const QString kCardSynopsis = QStringLiteral(
    "card issue|advance|return|close FILE DEFECT_ID [--reason TEXT] [--photo P] [--colour C] "
    "[--inspector NAME]");

core::Error bad(const QString& m) {
    return core::Error(core::ErrorCode::InvalidInput, m);
}

void printCard(QTextStream& out, const QString& defectUuid, const core::Card& c) {
    out << "defect " << defectUuid << ": " << core::cardColourChinese(c.colour) << ' '
        << core::cardStageChinese(c.stage) << " (" << core::cardStageKey(c.stage) << ")";
    if (c.stage != core::CardStage::Closed)
        out << ", due " << core::isoUtc(c.deadline);
    if (!c.repeatOf.isEmpty())
        out << ", repeat of " << c.repeatOf;
    out << '\n';
}

} // namespace

int runCard(Context& ctx) {
    const QString action = ctx.args.value(0);
    static const QStringList kActions{QStringLiteral("issue"), QStringLiteral("advance"),
                                      QStringLiteral("return"), QStringLiteral("close")};
    if (!kActions.contains(action))
        throw bad(QStringLiteral("card needs an action: %1").arg(kCardSynopsis));
    const Args args(ctx.args.mid(1),
                    {QStringLiteral("reason"), QStringLiteral("photo"), QStringLiteral("colour"),
                     QStringLiteral("color"), QStringLiteral("inspector")},
                    {});
    if (args.positionals().size() != 2)
        throw bad(QStringLiteral("usage: %1").arg(kCardSynopsis));
    const QString actor = actorName(args.value(QStringLiteral("inspector")));
    const QString reason = args.value(QStringLiteral("reason"));
    const QString defectId = args.positionals()[1];
    std::optional<core::PhotoInput> photo;
    if (args.has(QStringLiteral("photo"))) {
        if (action != QLatin1String("advance"))
            throw bad(QStringLiteral("--photo (the after-photo) goes with card advance to 复核"));
        photo = readPhoto(args.value(QStringLiteral("photo")));
    }
    std::optional<core::CardColour> colour;
    const QString colourText =
        args.value(QStringLiteral("colour"), args.value(QStringLiteral("color")));
    if (!colourText.isEmpty()) {
        colour = core::cardColourFromKey(colourText);
        if (!colour || action != QLatin1String("issue"))
            throw bad(
                QStringLiteral("--colour takes white, yellow or red and goes with card issue"));
    }
    core::Campaign c = openCampaign(args.positionals(), kCardSynopsis, true);
    escalateOnOpen(c, actor, ctx.out);
    const core::Defect d = c.requireDefect(defectId);
    core::Card card;
    if (action == QLatin1String("issue"))
        card = c.issueCard(d.uuid, colour, actor, reason);
    else if (action == QLatin1String("advance"))
        card = c.advanceCard(d.uuid, actor, reason, photo);
    else if (action == QLatin1String("return"))
        card = c.returnCard(d.uuid, actor, reason);
    else
        card = c.closeCard(d.uuid, actor, reason);
    printCard(ctx.out, d.uuid, card);
    return Ok;
}

int runCards(Context& ctx) {
    if (ctx.args.value(0) != QLatin1String("overdue"))
        throw bad(QStringLiteral("usage: cards overdue FILE [--escalate] [--json]"));
    const Args args(ctx.args.mid(1), {QStringLiteral("inspector")},
                    {QStringLiteral("escalate"), QStringLiteral("json")});
    const bool escalate = args.has(QStringLiteral("escalate"));
    core::Campaign c =
        openCampaign(args.positionals(), QStringLiteral("cards overdue FILE"), escalate);
    if (escalate)
        escalateOnOpen(c, actorName(args.value(QStringLiteral("inspector"))), ctx.out);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const auto cards = c.overdueCards(now);
    QJsonArray arr;
    for (const auto& card : cards) {
        const core::Defect d = c.requireDefect(QString::number(card.defectId));
        const double hours = c.calendar().workingHoursBetween(card.deadline, now);
        if (args.has(QStringLiteral("json"))) {
            QJsonObject o{{QStringLiteral("defect"), d.uuid},
                          {QStringLiteral("code"), d.code},
                          {QStringLiteral("card"), core::cardColourKey(card.colour)},
                          {QStringLiteral("stage"), core::cardStageKey(card.stage)},
                          {QStringLiteral("deadline"), core::isoUtc(card.deadline)},
                          {QStringLiteral("overdue_working_hours"), hours}};
            if (card.unitId)
                o.insert(QStringLiteral("unit_id"), static_cast<qint64>(*card.unitId));
            arr.append(o);
        } else {
            const auto unit = card.unitId ? c.unit(*card.unitId) : std::nullopt;
            ctx.out << d.uuid << "  " << d.code << "  " << core::cardColourChinese(card.colour)
                    << "  " << core::cardStageChinese(card.stage) << "  due "
                    << core::isoUtc(card.deadline) << "  overdue " << QString::number(hours, 'f', 1)
                    << " working h  " << (unit ? unit->name : QString()) << '\n';
        }
    }
    if (args.has(QStringLiteral("json")))
        ctx.out << QJsonDocument(arr).toJson(QJsonDocument::Compact) << '\n';
    else
        ctx.out << cards.size() << " overdue card(s)\n";
    return Ok;
}

} // namespace cli
