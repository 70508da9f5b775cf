// SPDX-License-Identifier: MIT
// Definitions for <dxframe/index/matrix.hpp> (see <dxframe/config.hpp>: included by that header
// in header-only mode, by <dxframe/src.hpp> in separate compilation).
#pragma once

#include <cmath>
#include <cstddef>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include <dxframe/config.hpp>
#include <dxframe/error.hpp>
#include <dxframe/index/matrix.hpp>

namespace dxframe {

DXFRAME_DECL void value_matrix::resize(std::size_t rows, std::size_t cols) {
    if (cols != 0 && rows > std::numeric_limits<std::size_t>::max() / cols) {
        throw error("value_matrix: " + std::to_string(rows) + " x " + std::to_string(cols) + " is too large");
    }
    rows_ = rows;
    cols_ = cols;
    data_.assign(rows * cols, missing_value());
}

DXFRAME_DECL void value_matrix::reshape(std::size_t rows, std::size_t cols) {
    if (cols != 0 && rows > std::numeric_limits<std::size_t>::max() / cols) {
        throw error("value_matrix: " + std::to_string(rows) + " x " + std::to_string(cols) + " is too large");
    }
    rows_ = rows;
    cols_ = cols;
    data_.resize(rows * cols);
}

DXFRAME_DECL std::vector<std::optional<double>> value_matrix::column_values(std::size_t col) const {
    check_col(col);
    std::vector<std::optional<double>> out(rows_);
    const double* c = column(col);
    for (std::size_t r = 0; r < rows_; ++r) {
        if (!std::isnan(c[r])) out[r] = c[r];
    }
    return out;
}

DXFRAME_DECL bool operator==(const value_matrix& a, const value_matrix& b) {
    if (a.rows_ != b.rows_ || a.cols_ != b.cols_) return false;
    for (std::size_t i = 0; i < a.data_.size(); ++i) {
        const double x = a.data_[i];
        const double y = b.data_[i];
        if (std::isnan(x) != std::isnan(y)) return false;
        if (!std::isnan(x) && x != y) return false;
    }
    return true;
}

DXFRAME_DECL void value_matrix::column_out_of_range(std::size_t col, std::size_t cols) {
    throw error("value_matrix: column " + std::to_string(col) + " out of range (" + std::to_string(cols) + " columns)");
}

DXFRAME_DECL void value_matrix::cell_out_of_range(std::size_t row, std::size_t col, std::size_t rows,
                                                  std::size_t cols) {
    throw error("value_matrix: cell (" + std::to_string(row) + ", " + std::to_string(col) + ") out of range (" +
                std::to_string(rows) + " x " + std::to_string(cols) + ")");
}

}  // namespace dxframe
