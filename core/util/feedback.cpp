#include "core/util/feedback.h"

#include "core/util/error.h"

#include <algorithm>

namespace core {

void Feedback::throwIfCanceled() const {
    if (isCanceled())
        throw OperationCanceled();
}

void Feedback::setProgress(double percent, const QString& step) {
    percent = std::clamp(percent, 0.0, 100.0);
    progress_.store(percent, std::memory_order_relaxed);
    if (progressFn_)
        progressFn_(percent, step);
    if (parent_)
        parent_->setProgress(from_ + (to_ - from_) * percent / 100.0, step);
}

} // namespace core
