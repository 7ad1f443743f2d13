#include "app/cli/args.h"

#include "core/util/error.h"

namespace cli {

using core::Error;
using core::ErrorCode;

Args::Args(const QStringList& argv, const std::set<QString>& valued,
           const std::set<QString>& flags) {
    for (qsizetype i = 0; i < argv.size(); ++i) {
        const QString& a = argv[i];
        if (!a.startsWith(QLatin1String("--")) || a == QLatin1String("--")) {
            positionals_ << a;
            continue;
        }
        QString name = a.mid(2);
        QString inlineValue;
        const auto eq = name.indexOf(QLatin1Char('='));
        if (eq > 0) {
            inlineValue = name.mid(eq + 1);
            name = name.left(eq);
        }
        if (flags.count(name)) {
            flags_.insert(name);
        } else if (valued.count(name)) {
            if (eq > 0) {
                values_[name] << inlineValue;
            } else if (i + 1 < argv.size()) {
                values_[name] << argv[++i];
            } else {
                throw Error(ErrorCode::InvalidInput,
                            QStringLiteral("option --%1 needs a value").arg(name));
            }
        } else {
            throw Error(ErrorCode::InvalidInput,
                        QStringLiteral("unknown option --%1 (see perisurvey-cli help)").arg(name));
        }
    }
}

QString Args::value(const QString& name, const QString& fallback) const {
    const auto v = values_.value(name);
    return v.isEmpty() ? fallback : v.back();
}

long long Args::integer(const QString& name, long long fallback) const {
    if (!values_.contains(name))
        return fallback;
    bool ok = false;
    const long long n = value(name).toLongLong(&ok);
    if (!ok)
        throw Error(ErrorCode::InvalidInput,
                    QStringLiteral("--%1 takes a whole number, not '%2'").arg(name, value(name)));
    return n;
}

} // namespace cli
