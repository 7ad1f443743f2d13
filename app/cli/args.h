#pragma once

#include <QMap>
#include <QString>
#include <QStringList>

#include <set>

namespace cli {

/// A small argument parser: `--name value` options (repeatable), `--flag` switches and
/// positionals. Unknown options are an error naming the option.
class Args {
public:
    /// `valued` lists options that take a value, `flags` those that do not. Throws
    /// core::Error(InvalidInput) on an unknown option or a missing value.
    Args(const QStringList& argv, const std::set<QString>& valued, const std::set<QString>& flags);

    bool has(const QString& name) const { return values_.contains(name) || flags_.contains(name); }
    QString value(const QString& name, const QString& fallback = {}) const;
    QStringList values(const QString& name) const { return values_.value(name); }
    /// An integer option; throws InvalidInput naming the option when it is not a number.
    long long integer(const QString& name, long long fallback) const;
    const QStringList& positionals() const { return positionals_; }

private:
    QMap<QString, QStringList> values_;
    std::set<QString> flags_;
    QStringList positionals_;
};

} // namespace cli
