// SPDX-License-Identifier: MIT
/// @file
/// @brief A dense unit × column matrix of values with explicit missing cells (column-major).
#pragma once

#include <cmath>
#include <cstddef>
#include <limits>
#include <optional>
#include <vector>

#include <dxframe/config.hpp>

namespace dxframe {

/// A dense table of doubles: one row per unit (province, country), one column per indicator or
/// aggregate. Stored column by column because every index computation walks a column at a time
/// (normalising needs a column's minimum and maximum; aggregating adds whole columns), so a
/// column is one contiguous block that streams through the cache.
///
/// Missing cells are stored as quiet NaN *inside* the matrix only; the public accessors report
/// them as `std::nullopt` and `is_missing`, so a NaN never leaves the index engine. `set` takes any
/// double: a NaN stores "missing", an infinity is kept so that the normalisers can report it as a
/// non-finite input (it is never silently used).
class value_matrix {
public:
    /// An empty 0 × 0 matrix.
    value_matrix() = default;

    /// A rows × cols matrix with every cell missing.
    value_matrix(std::size_t rows, std::size_t cols) { resize(rows, cols); }

    /// Number of rows (units).
    std::size_t rows() const noexcept { return rows_; }
    /// Number of columns (indicators or aggregates).
    std::size_t cols() const noexcept { return cols_; }
    /// rows() × cols().
    std::size_t size() const noexcept { return data_.size(); }

    /// Reshapes to rows × cols and marks every cell missing. Keeps the allocation when the new
    /// size fits, so a matrix reused across runs of the same shape never reallocates.
    void resize(std::size_t rows, std::size_t cols);

    /// Reshapes to rows × cols leaving the contents unspecified (the caller writes every cell).
    /// No pass over the memory and no reallocation when the size is unchanged, which is what
    /// the index engine needs when it refills the same result thousands of times.
    void reshape(std::size_t rows, std::size_t cols);

    /// The value at (row, col), or nullopt when missing. Throws dxframe::error when out of range.
    std::optional<double> get(std::size_t row, std::size_t col) const {
        const double v = data_[offset(row, col)];
        if (std::isnan(v)) return std::nullopt;
        return v;
    }

    /// True when the cell at (row, col) is missing.
    bool is_missing(std::size_t row, std::size_t col) const { return std::isnan(data_[offset(row, col)]); }

    /// Stores a value (NaN stores "missing"). Throws dxframe::error when out of range.
    void set(std::size_t row, std::size_t col, double value) { data_[offset(row, col)] = value; }

    /// Stores a value or, for nullopt, "missing".
    void set(std::size_t row, std::size_t col, const std::optional<double>& value) {
        data_[offset(row, col)] = value ? *value : missing_value();
    }

    /// Marks a cell missing.
    void set_missing(std::size_t row, std::size_t col) { data_[offset(row, col)] = missing_value(); }

    /// The column as a vector of optionals (a copy; for reporting, not for hot loops).
    std::vector<std::optional<double>> column_values(std::size_t col) const;

    /// Raw access to a column: rows() contiguous doubles, NaN = missing. For engine code that
    /// processes whole columns; everything built on it must turn NaN back into "missing".
    const double* column(std::size_t col) const {
        check_col(col);
        return data_.data() + col * rows_;
    }
    /// Mutable raw access to a column (see the const overload).
    double* column(std::size_t col) {
        check_col(col);
        return data_.data() + col * rows_;
    }

    /// The value used for a missing cell inside the engine.
    static constexpr double missing_value() noexcept { return std::numeric_limits<double>::quiet_NaN(); }

    /// Cell-wise equality, with two missing cells equal.
    friend bool operator==(const value_matrix& a, const value_matrix& b);
    /// Negation of ==.
    friend bool operator!=(const value_matrix& a, const value_matrix& b) { return !(a == b); }

private:
    // The checks are on every access, the messages almost never: keep the message building out
    // of line so the checks stay cheap enough to inline in the engine's loops.
    [[noreturn]] static void column_out_of_range(std::size_t col, std::size_t cols);
    [[noreturn]] static void cell_out_of_range(std::size_t row, std::size_t col, std::size_t rows, std::size_t cols);

    void check_col(std::size_t col) const {
        if (col >= cols_) column_out_of_range(col, cols_);
    }
    std::size_t offset(std::size_t row, std::size_t col) const {
        if (row >= rows_ || col >= cols_) cell_out_of_range(row, col, rows_, cols_);
        return col * rows_ + row;
    }

    std::size_t rows_ = 0;
    std::size_t cols_ = 0;
    std::vector<double> data_;
};

}  // namespace dxframe

#if DXFRAME_HEADER_ONLY
#include <dxframe/index/impl/matrix.ipp>
#endif
