// SPDX-License-Identifier: MIT
// Definitions for <dxframe/index/audit_pca.hpp> (see <dxframe/config.hpp>: included by that header in
// header-only mode, by <dxframe/src.hpp> in separate compilation).
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <numeric>
#include <optional>
#include <string>
#include <vector>

#include <dxframe/error.hpp>
#include <dxframe/index/audit_pca.hpp>

namespace dxframe {

DXFRAME_DECL symmetric_eigen_result symmetric_eigen(std::vector<double> a, std::size_t k) {
    if (a.size() != k * k) throw error("symmetric_eigen: the matrix must have k * k entries");
    for (std::size_t i = 0; i < k; ++i)
        for (std::size_t j = i + 1; j < k; ++j)
            a[i * k + j] = a[j * k + i] = 0.5 * (a[i * k + j] + a[j * k + i]);
    std::vector<double> v(k * k, 0.0);  // columns are the eigenvectors
    for (std::size_t i = 0; i < k; ++i)
        v[i * k + i] = 1.0;
    for (int sweep = 0; sweep < 100; ++sweep) {
        double off = 0.0;
        double total = 0.0;
        for (std::size_t i = 0; i < k; ++i)
            for (std::size_t j = 0; j < k; ++j) {
                total += a[i * k + j] * a[i * k + j];
                if (i != j) off += a[i * k + j] * a[i * k + j];
            }
        if (off <= 1e-30 * total || off == 0.0) break;
        for (std::size_t p = 0; p + 1 < k; ++p) {
            for (std::size_t q = p + 1; q < k; ++q) {
                const double apq = a[p * k + q];
                if (apq == 0.0) continue;
                // Rotation that zeroes a[p][q] (Golub & Van Loan, Algorithm 8.5.1, sym.schur2).
                const double theta = (a[q * k + q] - a[p * k + p]) / (2.0 * apq);
                const double t = (theta >= 0.0 ? 1.0 : -1.0) / (std::fabs(theta) + std::sqrt(theta * theta + 1.0));
                const double c = 1.0 / std::sqrt(t * t + 1.0);
                const double s = t * c;
                for (std::size_t r = 0; r < k; ++r) {
                    const double arp = a[r * k + p];
                    const double arq = a[r * k + q];
                    a[r * k + p] = c * arp - s * arq;
                    a[r * k + q] = s * arp + c * arq;
                }
                for (std::size_t r = 0; r < k; ++r) {
                    const double apr = a[p * k + r];
                    const double aqr = a[q * k + r];
                    a[p * k + r] = c * apr - s * aqr;
                    a[q * k + r] = s * apr + c * aqr;
                }
                for (std::size_t r = 0; r < k; ++r) {
                    const double vrp = v[r * k + p];
                    const double vrq = v[r * k + q];
                    v[r * k + p] = c * vrp - s * vrq;
                    v[r * k + q] = s * vrp + c * vrq;
                }
            }
        }
    }
    std::vector<std::size_t> order(k);
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t x, std::size_t y) { return a[x * k + x] > a[y * k + y]; });
    symmetric_eigen_result out;
    for (const std::size_t m : order) {
        out.values.push_back(a[m * k + m]);
        std::vector<double> vec(k);
        std::size_t largest = 0;
        for (std::size_t r = 0; r < k; ++r) {
            vec[r] = v[r * k + m];
            if (std::fabs(vec[r]) > std::fabs(vec[largest])) largest = r;
        }
        if (vec[largest] < 0.0)
            for (double& e : vec)
                e = -e;
        out.vectors.push_back(std::move(vec));
    }
    return out;
}

DXFRAME_DECL std::optional<pca_result> pca_of_columns(const std::vector<const double*>& columns, std::size_t rows,
                                                      const std::string& path, std::vector<diagnostic>& diagnostics) {
    const std::size_t k = columns.size();
    const auto warn = [&](const std::string& message) {
        diagnostics.push_back({severity::warning, diagnostic_code::insufficient_data, path, message, {}, {}});
        return std::nullopt;
    };
    if (k < 2) return warn("PCA needs at least two columns, the group has " + std::to_string(k));
    std::vector<std::size_t> complete;
    for (std::size_t r = 0; r < rows; ++r) {
        bool all = true;
        for (const double* c : columns)
            all = all && std::isfinite(c[r]);
        if (all) complete.push_back(r);
    }
    const std::size_t n = complete.size();
    if (n < 2) return warn("PCA needs at least two units with every value present, the group has " + std::to_string(n));
    // Standardised columns over the complete rows, as prcomp(center = TRUE, scale = TRUE).
    std::vector<std::vector<double>> z(k, std::vector<double>(n));
    for (std::size_t i = 0; i < k; ++i) {
        double sum = 0.0;
        for (std::size_t r = 0; r < n; ++r)
            sum += columns[i][complete[r]];
        const double mean = sum / static_cast<double>(n);
        double ss = 0.0;
        for (std::size_t r = 0; r < n; ++r) {
            z[i][r] = columns[i][complete[r]] - mean;
            ss += z[i][r] * z[i][r];
        }
        if (!(ss > 0.0))
            return warn("PCA: column " + std::to_string(i + 1) + " of the group is constant over the " +
                        std::to_string(n) + " complete units (standard deviation 0)");
        const double sd = std::sqrt(ss / static_cast<double>(n - 1));
        for (double& e : z[i])
            e /= sd;
    }
    std::vector<double> corr(k * k);
    for (std::size_t i = 0; i < k; ++i)
        for (std::size_t j = i; j < k; ++j) {
            double s = 0.0;
            for (std::size_t r = 0; r < n; ++r)
                s += z[i][r] * z[j][r];
            corr[i * k + j] = corr[j * k + i] = s / static_cast<double>(n - 1);
        }
    symmetric_eigen_result eig = symmetric_eigen(std::move(corr), k);
    pca_result out;
    out.rows = n;
    double total = 0.0;
    for (double& value : eig.values) {
        value = std::max(value, 0.0);  // a rank-deficient group: rounding may leave -1e-17
        total += value;
    }
    out.variances = eig.values;
    for (const double value : eig.values)
        out.shares.push_back(value / total);
    out.loadings = std::move(eig.vectors);
    return out;
}

}  // namespace dxframe
