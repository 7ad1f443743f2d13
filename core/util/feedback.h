#pragma once

#include <QString>

#include <atomic>
#include <functional>

namespace core {

/// Progress and cooperative cancellation for long operations.
///
/// Thread affinity: any thread may call cancel(); the worker calls setProgress() and
/// throwIfCanceled(). The progress callback runs on the worker thread, so a GUI receiver must
/// queue it to the GUI thread itself.
class Feedback {
public:
    using ProgressFn = std::function<void(double percent, const QString& step)>;

    Feedback() = default;
    explicit Feedback(ProgressFn fn) : progressFn_(std::move(fn)) {}
    /// A child for one stage of a longer operation: its 0-100 maps onto [from, to] of the
    /// parent, and cancelling the parent cancels the child. The parent must outlive it.
    Feedback(Feedback& parent, double from, double to) : parent_(&parent), from_(from), to_(to) {}
    Feedback(const Feedback&) = delete;
    Feedback& operator=(const Feedback&) = delete;

    void cancel() noexcept { canceled_.store(true, std::memory_order_relaxed); }
    bool isCanceled() const noexcept {
        return canceled_.load(std::memory_order_relaxed) || (parent_ && parent_->isCanceled());
    }
    /// Throws OperationCanceled when cancel() was called.
    void throwIfCanceled() const;

    /// percent in [0, 100]; step is a short translated description of the current stage.
    void setProgress(double percent, const QString& step = {});
    double progress() const noexcept { return progress_.load(std::memory_order_relaxed); }

private:
    std::atomic<bool> canceled_{false};
    std::atomic<double> progress_{0.0};
    ProgressFn progressFn_;
    Feedback* parent_ = nullptr;
    double from_ = 0;
    double to_ = 100;
};

} // namespace core
