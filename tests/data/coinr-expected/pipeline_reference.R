# SPDX-License-Identifier: MIT
#
# Expected index of the whole pipeline on the ASEM cross-section, for tests/unit/index_pipeline.cpp:
# Denominate -> Impute -> Treat -> Normalise -> Aggregate -> rank, in COINr 1.1.14's order, in base
# R WITHOUT dxframe and without COINr, each step as the other reference scripts of this folder
# port it from COINr's R code (bluefoxr/COINr, MIT):
#   R/denominate.R  x / (denominator / 1), denominators of iMeta's Denominator column
#   R/impute.R      i_mean_grp (mean within each group of GDP_group), i_median (column median)
#   R/treat.R       Treat.numeric defaults: check_SkewKurt (2, 3.5), winsorise (winmax 5), log_CT
#   R/normalise.R   n_minmax(x * Direction, c(0, 100))
#   R/aggregate.R   a_amean with iMeta's weights, level by level
#   ranks           rank(-Index, ties.method = "min")
# Run from the repository root:  Rscript tests/data/coinr-expected/pipeline_reference.R
# It writes pipeline_asem.csv next to itself (scenario, uCode, Index, Rank). CI does not run it.

iData <- read.csv("tests/data/asem/iData.csv", stringsAsFactors = FALSE)
iMeta <- read.csv("tests/data/asem/iMeta.csv", stringsAsFactors = FALSE)
inds <- iMeta$iCode[iMeta$Type == "Indicator"]
num <- function(v) ifelse(is.na(v), "", sprintf("%.17g", v))

denominate <- function(x) {
  denomby <- iMeta[iMeta$Type == "Indicator" & !is.na(iMeta$Denominator) & iMeta$Denominator != "",
                   c("iCode", "Denominator")]
  for (k in seq_len(nrow(denomby))) x[[denomby$iCode[k]]] <- x[[denomby$iCode[k]]] / (x[[denomby$Denominator[k]]] / 1)
  x
}
impute_group <- function(x, f, group) {
  g <- x[[group]]
  for (ic in inds) {
    v <- x[[ic]]
    for (lab in unique(g[!is.na(g)])) {
      members <- which(g == lab)
      have <- v[members][!is.na(v[members])]
      if (length(have) > 0) v[members][is.na(v[members])] <- f(have)
    }
    x[[ic]] <- v
  }
  x
}
impute_column <- function(x, f) {
  for (ic in inds) { v <- x[[ic]]; if (any(!is.na(v))) v[is.na(v)] <- f(v[!is.na(v)]); x[[ic]] <- v }
  x
}

skew <- function(x) {
  x <- x[!is.na(x)]; n <- length(x); x <- x - mean(x)
  sqrt(n) * sum(x^3) / (sum(x^2)^(3/2)) * sqrt(n * (n - 1)) / (n - 2)
}
kurt <- function(x) {
  x <- x[!is.na(x)]; n <- length(x); x <- x - mean(x)
  r <- n * sum(x^4) / (sum(x^2)^2)
  ((n + 1) * (r - 3) + 6) * (n - 1) / ((n - 2) * (n - 3))
}
passes <- function(x) (abs(skew(x)) < 2) | (kurt(x) < 3.5)
winsorise <- function(x, winmax = 5) {
  nwin <- 0; imax <- imin <- NULL
  while (!passes(x) & nwin < winmax) {
    if (skew(x) >= 0) { imax <- which(x == max(x, na.rm = TRUE)); x[imax] <- max(x[-imax], na.rm = TRUE) }
    else { imin <- which(x == min(x, na.rm = TRUE)); x[imin] <- min(x[-imin], na.rm = TRUE) }
    nwin <- length(imax) + length(imin)
  }
  x
}
log_CT <- function(x) log(x - min(x, na.rm = TRUE) + 0.01 * (max(x, na.rm = TRUE) - min(x, na.rm = TRUE)))
treat <- function(x) {
  for (ic in inds) {
    v <- x[[ic]]
    if (passes(v)) next
    w <- winsorise(v)
    x[[ic]] <- if (passes(w)) w else log_CT(v)
  }
  x
}

minmax <- function(x) (x - min(x, na.rm = TRUE)) / (max(x, na.rm = TRUE) - min(x, na.rm = TRUE)) * 100
amean <- function(x, w) { keep <- !is.na(x); if (!any(keep)) NA else sum(x[keep] * w[keep]) / sum(w[keep]) }
index_of <- function(x) {
  dirs <- iMeta$Direction[match(inds, iMeta$iCode)]
  vals <- x[inds]
  for (k in seq_along(inds)) vals[[inds[k]]] <- minmax(x[[inds[k]]] * dirs[k])
  for (lev in 2:max(iMeta$Level, na.rm = TRUE)) {
    for (ag in iMeta$iCode[which(iMeta$Type == "Aggregate" & iMeta$Level == lev)]) {
      kids <- iMeta$iCode[!is.na(iMeta$Parent) & iMeta$Parent == ag]
      w <- iMeta$Weight[match(kids, iMeta$iCode)]
      vals[[ag]] <- apply(as.matrix(vals[kids]), 1, amean, w = w)
    }
  }
  vals[[iMeta$iCode[which(iMeta$Type == "Aggregate" & iMeta$Level == max(iMeta$Level, na.rm = TRUE))]]]
}
scenario <- function(name, x) {
  idx <- index_of(x)
  data.frame(scenario = name, uCode = iData$uCode, Index = num(idx),
             Rank = rank(-idx, ties.method = "min", na.last = "keep"))
}

out <- rbind(
  scenario("impute_mean_group_treat", treat(impute_group(iData, mean, "GDP_group"))),
  scenario("denominate_impute_median_treat", treat(impute_column(denominate(iData), stats::median))))
write.csv(out, "tests/data/coinr-expected/pipeline_asem.csv", row.names = FALSE, quote = FALSE, na = "")
