#include "app/cli/args.h"
#include "app/cli/commands.h"

#include "core/demo/demo_generator.h"
#include "core/util/error.h"
#include "gis/io/vector_writer.h"
#include "gis/layers/layer_loader.h"
#include "gis/proj/crs.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>

namespace cli {

namespace {

using core::Error;
using core::ErrorCode;

} // namespace

int runDemo(Context& ctx) {
    const Args args(ctx.args,
                    {QStringLiteral("out"), QStringLiteral("seed"), QStringLiteral("scale")}, {});
    if (!args.positionals().isEmpty())
        throw Error(ErrorCode::InvalidInput,
                    QStringLiteral("unexpected argument '%1'; usage: demo --out DIR [--seed N] "
                                   "[--scale district|city]")
                        .arg(args.positionals().front()));
    const QString outDir = args.value(QStringLiteral("out"));
    if (outDir.isEmpty())
        throw Error(ErrorCode::InvalidInput,
                    QStringLiteral("--out DIR is required (the folder to write the demo into)"));

    core::DemoOptions options;
    if (args.has(QStringLiteral("seed"))) {
        bool ok = false;
        options.seed = args.value(QStringLiteral("seed")).trimmed().toULongLong(&ok);
        if (!ok)
            throw Error(ErrorCode::InvalidInput,
                        QStringLiteral("--seed takes a whole number from 0 to "
                                       "18446744073709551615, not '%1'")
                            .arg(args.value(QStringLiteral("seed"))));
    }
    const QString scaleName = args.value(QStringLiteral("scale"), QStringLiteral("district"));
    const auto scale = core::demoScaleFromName(scaleName);
    if (!scale)
        throw Error(ErrorCode::InvalidInput,
                    QStringLiteral("--scale is 'district' or 'city', not '%1'").arg(scaleName));
    options.scale = *scale;

    if (!QDir().mkpath(outDir))
        throw core::IoError(QStringLiteral("%1: cannot create the folder").arg(outDir));
    const QString path = QDir(outDir).filePath(core::demoFileName(options.scale));

    gis::initGdal();
    QElapsedTimer timer;
    timer.start();
    core::Feedback feedback;
    const auto layers = core::generateDemoDistrict(options, feedback);
    const qint64 generatedMs = timer.elapsed();
    gis::WriteOptions write;
    write.targetCrs = gis::Crs::fromEpsg(core::kDemoStorageEpsg);
    gis::writeVector(path, layers, write, feedback);
    const qint64 totalMs = timer.elapsed();

    ctx.out << "wrote " << QDir::toNativeSeparators(QFileInfo(path).absoluteFilePath()) << '\n';
    ctx.out << QString::fromUtf8("  X区 demo, scale %1, seed %2, EPSG:%3 (CGCS2000 lon/lat), ")
                   .arg(core::demoScaleName(options.scale))
                   .arg(options.seed)
                   .arg(core::kDemoStorageEpsg)
            << QString::number(static_cast<double>(QFileInfo(path).size()) / (1024.0 * 1024.0), 'f',
                               2)
            << " MB, generated in " << QString::number(generatedMs / 1000.0, 'f', 1)
            << " s, written in " << QString::number((totalMs - generatedMs) / 1000.0, 'f', 1)
            << " s\n";
    std::size_t total = 0;
    for (const auto& layer : layers) {
        ctx.out << "  " << layer->name.leftJustified(18) << ' '
                << core::geometryKindName(layer->kind).leftJustified(8) << ' '
                << QString::number(layer->features.size()).rightJustified(8) << '\n';
        total += layer->features.size();
    }
    ctx.out << "  " << QStringLiteral("total").leftJustified(27) << ' '
            << QString::number(total).rightJustified(8) << '\n';
    return Ok;
}

} // namespace cli
