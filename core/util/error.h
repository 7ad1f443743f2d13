#pragma once

#include <QString>

#include <stdexcept>

namespace core {

/// What kind of failure an Error reports; the CLI maps InvalidInput-like codes to exit 2.
enum class ErrorCode {
    Internal,     ///< a bug or an unexpected library failure
    NotFound,     ///< a file, layer or field that does not exist
    Format,       ///< a file that is not what it claims to be, or not geodata
    Encoding,     ///< text that cannot be decoded
    Crs,          ///< an unknown or unusable coordinate reference system
    Geometry,     ///< invalid geometry
    Io,           ///< read/write failure (permissions, full disk)
    Store,        ///< campaign database failure
    InvalidInput, ///< a bad argument or value given by the user
    Incomplete,   ///< data that was read only partly
};

/// Base of all typed exceptions thrown by core and gis. The message is user-facing, names the
/// file/layer/field concerned and, where possible, says what to do.
class Error : public std::runtime_error {
public:
    Error(ErrorCode code, const QString& message, int nativeCode = 0)
        : std::runtime_error(message.toStdString()), code_(code), nativeCode_(nativeCode) {}

    ErrorCode code() const noexcept { return code_; }
    /// The underlying library's error number (CPLErr number, sqlite result code), or 0.
    int nativeCode() const noexcept { return nativeCode_; }
    QString message() const { return QString::fromUtf8(what()); }
    /// True when the failure is the user's input rather than a defect of the program.
    bool isUserError() const noexcept { return code_ != ErrorCode::Internal; }

private:
    ErrorCode code_;
    int nativeCode_;
};

class FormatError : public Error {
public:
    explicit FormatError(const QString& m, int native = 0) : Error(ErrorCode::Format, m, native) {}
};

class IoError : public Error {
public:
    explicit IoError(const QString& m, int native = 0) : Error(ErrorCode::Io, m, native) {}
};

class CrsError : public Error {
public:
    explicit CrsError(const QString& m, int native = 0) : Error(ErrorCode::Crs, m, native) {}
};

class GeometryError : public Error {
public:
    explicit GeometryError(const QString& m) : Error(ErrorCode::Geometry, m) {}
};

class StoreError : public Error {
public:
    explicit StoreError(const QString& m, int native = 0) : Error(ErrorCode::Store, m, native) {}
};

/// Thrown by Feedback::throwIfCanceled(). Not an Error: cancelling is a normal outcome.
class OperationCanceled : public std::exception {
public:
    const char* what() const noexcept override { return "operation canceled"; }
};

} // namespace core
