// SPDX-License-Identifier: MIT
/// @file
/// @brief The report module: the scorecard (pure computation) and its renderings — terminal
/// text, Markdown, CSV, JSON and a self-contained HTML page with inline SVG charts.
/// See docs/reports.md.
#pragma once

#include <dxframe/report/audit.hpp>
#include <dxframe/report/audit_html.hpp>
#include <dxframe/report/audit_labels.hpp>
#include <dxframe/report/breakdowns.hpp>
#include <dxframe/report/csv.hpp>
#include <dxframe/report/escape.hpp>
#include <dxframe/report/format.hpp>
#include <dxframe/report/html.hpp>
#include <dxframe/report/index.hpp>
#include <dxframe/report/index_html.hpp>
#include <dxframe/report/index_labels.hpp>
#include <dxframe/report/json.hpp>
#include <dxframe/report/labels.hpp>
#include <dxframe/report/markdown.hpp>
#include <dxframe/report/pipeline.hpp>
#include <dxframe/report/profile.hpp>
#include <dxframe/report/progress.hpp>
#include <dxframe/report/ranking.hpp>
#include <dxframe/report/sensitivity.hpp>
#include <dxframe/report/svg.hpp>
#include <dxframe/report/terminal.hpp>
#include <dxframe/report/text_width.hpp>
#include <dxframe/report/uncertainty.hpp>
#include <dxframe/report/uncertainty_labels.hpp>
#include <dxframe/report/uncertainty_page.hpp>
