// SPDX-License-Identifier: MIT
/// @file
/// @brief Statistical audit, principal components: a symmetric eigen-solver and the PCA of a group.
///
/// COINr's `get_PCA` (bluefoxr/COINr, R/PCA.R) drops the units with any value missing
/// (`na.omit`) and calls `stats::prcomp(center = TRUE, scale = TRUE)`: the PCA of the
/// standardised columns, i.e. the eigen-decomposition of their correlation matrix over the
/// complete rows. The variances of the components are the eigenvalues (prcomp's sdev²), which
/// add up to the number of columns; the loadings (prcomp's rotation) are the unit eigenvectors.
/// An eigenvector's sign is arbitrary (R's depends on its LAPACK build), so here each component
/// is turned so that its largest loading in absolute value — the first of equals — is positive.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include <boost/describe/class.hpp>

#include <dxframe/config.hpp>
#include <dxframe/diagnostic.hpp>

namespace dxframe {

/// Eigenvalues and unit eigenvectors of a symmetric matrix.
struct symmetric_eigen_result {
    std::vector<double> values;                ///< Eigenvalues, largest first.
    std::vector<std::vector<double>> vectors;  ///< vectors[m] belongs to values[m] (sign as in pca_of_columns).
};
BOOST_DESCRIBE_STRUCT(symmetric_eigen_result, (), (values, vectors))

/// Eigen-decomposition of the symmetric k × k matrix `a` (row-major, only its symmetric part is
/// used) by the cyclic Jacobi method with threshold (Golub & Van Loan, §8.5): accurate to a few
/// ulps of the largest eigenvalue, which is all a correlation matrix of a few dozen columns needs.
/// Each eigenvector is signed so that its largest entry in absolute value is positive. Throws
/// dxframe::error when `a` does not have k² entries.
DXFRAME_DECL symmetric_eigen_result symmetric_eigen(std::vector<double> a, std::size_t k);

/// The PCA of a group of columns.
struct pca_result {
    std::size_t rows = 0;           ///< Complete rows used (no column missing).
    std::vector<double> variances;  ///< Variance of each component (eigenvalue), largest first.
    std::vector<double>
        shares;  ///< Share of the total variance (variance / sum of the variances, which is the number of columns).
    std::vector<std::vector<double>> loadings;  ///< loadings[component][column].
};
BOOST_DESCRIBE_STRUCT(pca_result, (), (rows, variances, shares, loadings))

/// PCA of the standardised columns (each `rows` cells, NaN = missing) over the rows where every
/// column has a value. Nullopt, with a warning at `path` in `diagnostics`, for fewer than two
/// columns, fewer than two complete rows, or a column constant over the complete rows (prcomp
/// cannot rescale it).
DXFRAME_DECL std::optional<pca_result> pca_of_columns(const std::vector<const double*>& columns, std::size_t rows,
                                                      const std::string& path, std::vector<diagnostic>& diagnostics);

}  // namespace dxframe

#if DXFRAME_HEADER_ONLY
#include <dxframe/index/impl/audit_pca.ipp>
#endif
