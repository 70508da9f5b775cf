# SPDX-License-Identifier: MIT
#
# Expected values for tests/unit/index_denominate.cpp, index_impute.cpp and index_panel.cpp,
# computed in base R WITHOUT dxframe and without COINr (not installable here), by following the
# steps of COINr 1.1.14's R code (bluefoxr/COINr, MIT) one by one:
#   R/denominate.R  Denominate.coin / Denominate.data.frame: denomby = iMeta's iCode + Denominator
#                   (rows with a Denominator), ScaleFactor default 1; x / (denominator / ScaleFactor)
#   R/impute.R      i_mean: mean(x, na.rm = TRUE); i_median: stats::median(x, na.rm = TRUE);
#                   i_mean_grp / i_median_grp: the same within each group of a group column;
#                   impute_panel(imp_type = "latest", max_time): the unit's value in the latest
#                   earlier Time (at most max_time Times back); imp_type = "linear":
#                   stats::approx(Time, y, xout = Time, rule = 2) per unit and indicator
#   R/normalise.R   Normalise.purse(global = TRUE) (the default): one n_minmax over all Times;
#                   global = FALSE: n_minmax per Time; n_minmax(x, l_u = c(0, 100)) after x * Direction
#   R/aggregate.R   a_amean: weighted mean of the children present, level by level (iMeta weights)
#   R/results.R     ranks: rank(-Index, ties.method = "min"), within each Time
#
# Run from the repository root:  Rscript tests/data/coinr-expected/denominate_impute_panel_reference.R
# It rewrites the denominate_*.csv, impute_*.csv and panel_*.csv files next to it. CI does not
# run it (the tests only read its output); it needs base R only (Debian: r-base-core).

dir_in <- "tests/data"
dir_out <- "tests/data/coinr-expected"
iData <- read.csv(file.path(dir_in, "asem/iData.csv"), stringsAsFactors = FALSE)
iMeta <- read.csv(file.path(dir_in, "asem/iMeta.csv"), stringsAsFactors = FALSE)
iData_p <- read.csv(file.path(dir_in, "asem-panel/iData_p.csv"), stringsAsFactors = FALSE)
inds <- iMeta$iCode[iMeta$Type == "Indicator"]

num <- function(v) ifelse(is.na(v), "", sprintf("%.17g", v))
write_table <- function(df, name) {
  for (col in names(df)) if (is.numeric(df[[col]])) df[[col]] <- num(df[[col]])
  write.csv(df, file.path(dir_out, name), row.names = FALSE, quote = FALSE, na = "")
}

# ---- Denomination ---------------------------------------------------------------------------
denomby <- iMeta[iMeta$Type == "Indicator" & !is.na(iMeta$Denominator) & iMeta$Denominator != "",
                 c("iCode", "Denominator")]
denominate <- function(x, scale) {
  out <- x[c("uCode", denomby$iCode)]
  for (k in seq_len(nrow(denomby))) {
    d <- x[[denomby$Denominator[k]]] / scale   # the denominator is scaled first, as COINr does
    out[[denomby$iCode[k]]] <- x[[denomby$iCode[k]]] / d
  }
  out
}
write_table(denominate(iData, 1), "denominate_asem.csv")
write_table(denominate(iData, 1000), "denominate_asem_scale1000.csv")

# ---- Cross-section imputation: only the filled cells --------------------------------------
filled_cells <- function(method, imputed) {
  rows <- list()
  for (ic in inds) {
    na <- which(is.na(iData[[ic]]))
    for (r in na) rows[[length(rows) + 1]] <- data.frame(method = method, uCode = iData$uCode[r], iCode = ic,
                                                       value = imputed[[ic]][r])
  }
  do.call(rbind, rows)
}
by_column <- function(f) {
  out <- iData
  for (ic in inds) {
    x <- out[[ic]]
    if (all(is.na(x))) next
    x[is.na(x)] <- f(x[!is.na(x)])
    out[[ic]] <- x
  }
  out
}
by_group <- function(f, group) {
  out <- iData
  g <- iData[[group]]
  for (ic in inds) {
    x <- out[[ic]]
    for (lab in unique(g[!is.na(g)])) {
      members <- which(g == lab)
      have <- x[members][!is.na(x[members])]
      fill <- if (length(have) == 0) NA else f(have)
      x[members][is.na(x[members])] <- fill
    }
    out[[ic]] <- x
  }
  out
}
imputed <- rbind(
  filled_cells("mean", by_column(mean)),
  filled_cells("median", by_column(stats::median)),
  filled_cells("mean_group:GDP_group", by_group(mean, "GDP_group")),
  filled_cells("median_group:Pop_group", by_group(stats::median, "Pop_group")))
write_table(imputed, "impute_asem.csv")

# ---- Panel imputation on the panel with the cells of impute_panel_blanks.csv removed ------
blanks <- read.csv(file.path(dir_out, "impute_panel_blanks.csv"), stringsAsFactors = FALSE)
panel <- iData_p
for (k in seq_len(nrow(blanks))) {
  panel[[blanks$iCode[k]]][panel$uCode == blanks$uCode[k] & panel$Time == blanks$Time[k]] <- NA
}
times <- sort(unique(panel$Time))
latest <- function(max_time) {
  out <- panel
  for (ic in inds) for (r in which(is.na(panel[[ic]]))) {
    older <- rev(times[times < panel$Time[r]])
    if (!is.null(max_time)) older <- older[seq_len(min(max_time, length(older)))]
    for (t in older) {
      v <- panel[[ic]][panel$uCode == panel$uCode[r] & panel$Time == t]
      if (length(v) == 1 && !is.na(v)) { out[[ic]][r] <- v; break }
    }
  }
  out
}
linear <- function() {
  out <- panel
  for (u in unique(panel$uCode)) for (ic in inds) {
    rows <- which(panel$uCode == u)
    rows <- rows[order(panel$Time[rows])]
    y <- panel[[ic]][rows]
    if (!any(is.na(y)) || sum(!is.na(y)) < 2) next   # COINr: nothing to do / approx() stops
    out[[ic]][rows] <- stats::approx(panel$Time[rows], y, xout = panel$Time[rows], rule = 2,
                                     method = "linear")$y
  }
  out
}
panel_cells <- function(method, imputed) {
  rows <- list()
  for (ic in inds) for (r in which(is.na(panel[[ic]]))) {
    rows[[length(rows) + 1]] <- data.frame(method = method, uCode = panel$uCode[r], Time = panel$Time[r],
                                           iCode = ic, value = imputed[[ic]][r])
  }
  do.call(rbind, rows)
}
write_table(rbind(panel_cells("latest", latest(NULL)), panel_cells("latest_max1", latest(1)),
                  panel_cells("interpolate", linear())), "impute_panel_asem.csv")

# ---- Panel index: min-max [0, 100], weighted arithmetic mean, ranks within each Time -------
minmax <- function(x) (x - min(x, na.rm = TRUE)) / (max(x, na.rm = TRUE) - min(x, na.rm = TRUE)) * 100
amean <- function(x, w) { keep <- !is.na(x); if (!any(keep)) NA else sum(x[keep] * w[keep]) / sum(w[keep]) }
aggregate_rows <- function(norm) {
  vals <- norm
  for (lev in 2:max(iMeta$Level, na.rm = TRUE)) {
    for (ag in iMeta$iCode[which(iMeta$Type == "Aggregate" & iMeta$Level == lev)]) {
      kids <- iMeta$iCode[!is.na(iMeta$Parent) & iMeta$Parent == ag]
      w <- iMeta$Weight[match(kids, iMeta$iCode)]
      m <- as.matrix(vals[kids])
      vals[[ag]] <- apply(m, 1, amean, w = w)
    }
  }
  vals[[iMeta$iCode[which(iMeta$Type == "Aggregate" & iMeta$Level == max(iMeta$Level, na.rm = TRUE))]]]
}
dirs <- iMeta$Direction[match(inds, iMeta$iCode)]
normalise <- function(df) {
  out <- df[inds]
  for (k in seq_along(inds)) out[[inds[k]]] <- minmax(df[[inds[k]]] * dirs[k])
  out
}
panel_index <- function(pooled) {
  res <- data.frame(uCode = iData_p$uCode, Time = iData_p$Time, Index = NA_real_, Rank = NA_integer_)
  if (pooled) res$Index <- aggregate_rows(normalise(iData_p))
  for (t in unique(iData_p$Time)) {
    rows <- iData_p$Time == t
    if (!pooled) res$Index[rows] <- aggregate_rows(normalise(iData_p[rows, ]))
    res$Rank[rows] <- rank(-res$Index[rows], ties.method = "min", na.last = "keep")
  }
  res
}
write_table(panel_index(TRUE), "panel_index_pooled.csv")
write_table(panel_index(FALSE), "panel_index_per_period.csv")
