# SPDX-License-Identifier: MIT
# Expected values for tests/unit/index_treat.cpp, index_audit.cpp and index_profile.cpp, computed
# on the ASEM example tables (tests/data/asem) by an independent port of COINr 1.1.14's R code
# (bluefoxr/COINr: R/treat.R skew, kurt, check_SkewKurt, winsorise, log_CT, Treat.numeric;
# R/stats.R get_stats; R/correlations.R get_corr, get_pvals, get_corr_flags, get_cronbach;
# R/PCA.R get_PCA; R/results.R get_str_weak, R/utils.R rank_df) in base R. COINr itself is not
# needed. CI does not run this script; run it by hand from the repository root:
#   Rscript tests/data/coinr-expected/coinr_expected.R
# and commit the CSV files it writes next to itself.
options(warn = 1)
out_dir <- "tests/data/coinr-expected"
iData <- read.csv("tests/data/asem/iData.csv", check.names = FALSE, stringsAsFactors = FALSE)
iMeta <- read.csv("tests/data/asem/iMeta.csv", check.names = FALSE, stringsAsFactors = FALSE)
num <- function(v) ifelse(is.na(v), "", sprintf("%.17g", v))
write_tab <- function(df, name) write.csv(df, file.path(out_dir, name), row.names = FALSE, na = "")

ind <- iMeta[iMeta$Type == "Indicator", ]
codes <- ind$iCode
raw <- iData[codes]

# ---- R/treat.R -------------------------------------------------------------------------------
skew <- function(x, na.rm = FALSE) {
  x <- x[!is.na(x)]
  n <- length(x)
  if (n < 3) stop("Insufficient non-NA points to calculate skewness (min 3 required).")
  x <- x - mean(x)
  y <- sqrt(n) * sum(x^3) / (sum(x^2)^(3/2))
  y * sqrt(n * (n - 1)) / (n - 2)
}
kurt <- function(x, na.rm = FALSE) {
  x <- x[!is.na(x)]
  n <- length(x)
  if (n < 4) stop("Insufficient non-NA points to calculate kurtosis (min 4 required).")
  x <- x - mean(x)
  r <- n * sum(x^4) / (sum(x^2)^2)
  ((n + 1) * (r - 3) + 6) * (n - 1) / ((n - 2) * (n - 3))
}
check_SkewKurt <- function(x, skew_thresh = 2, kurt_thresh = 3.5) {
  sk <- skew(x); kt <- kurt(x)
  list(Pass = (abs(sk) < skew_thresh) | (kt < kurt_thresh), Skew = sk, Kurt = kt)
}
winsorise <- function(x, winmax = 5, skew_thresh = 2, kurt_thresh = 3.5) {
  passing <- check_SkewKurt(x, skew_thresh, kurt_thresh)$Pass
  nwin <- 0
  imax <- imin <- NULL
  if (!passing) {
    while (!passing & nwin < winmax) {
      if (skew(x) >= 0) {
        imax <- which(x == max(x, na.rm = TRUE))
        x[imax] <- max(x[-imax], na.rm = TRUE)
      } else {
        imin <- which(x == min(x, na.rm = TRUE))
        x[imin] <- min(x[-imin], na.rm = TRUE)
      }
      nwin <- sum(length(imax) + length(imin))
      passing <- check_SkewKurt(x, skew_thresh, kurt_thresh)$Pass
    }
  }
  list(x = x, nwin = nwin, imax = imax, imin = imin)
}
log_CT <- function(x) log(x - min(x, na.rm = TRUE) + 0.01 * (max(x, na.rm = TRUE) - min(x, na.rm = TRUE)))

treat_one <- function(x, winmax = 5) {
  c0 <- check_SkewKurt(x)
  res <- list(x = x, c0 = c0, c1 = NULL, c2 = NULL, nwin = 0, imax = NULL, imin = NULL, treatment = "none")
  if (c0$Pass) return(res)
  w <- winsorise(x, winmax = winmax)
  res$nwin <- w$nwin; res$imax <- w$imax; res$imin <- w$imin
  res$c1 <- check_SkewKurt(w$x)
  if (res$c1$Pass) { res$x <- w$x; res$treatment <- "winsorised"; return(res) }
  res$x <- log_CT(x)
  res$c2 <- check_SkewKurt(res$x)
  res$treatment <- "log"
  res
}

treat_all <- function(data, winmax) {
  treated <- data
  log_rows <- list()
  for (code in names(data)) {
    t <- treat_one(data[[code]], winmax)
    treated[[code]] <- t$x
    g <- function(ch, f) if (is.null(ch)) NA else ch[[f]]
    log_rows[[code]] <- data.frame(
      iCode = code, treatment = t$treatment, points = t$nwin,
      pass0 = g(t$c0, "Pass"), skew0 = num(g(t$c0, "Skew")), kurt0 = num(g(t$c0, "Kurt")),
      pass1 = g(t$c1, "Pass"), skew1 = num(g(t$c1, "Skew")), kurt1 = num(g(t$c1, "Kurt")),
      pass2 = g(t$c2, "Pass"), skew2 = num(g(t$c2, "Skew")), kurt2 = num(g(t$c2, "Kurt")),
      winhi = paste(iData$uCode[t$imax], collapse = " "), winlo = paste(iData$uCode[t$imin], collapse = " "))
  }
  list(values = treated, log = do.call(rbind, log_rows))
}

for (winmax in c(5, 1)) {
  tr <- treat_all(raw, winmax)
  vals <- data.frame(uCode = iData$uCode, lapply(tr$values, num), check.names = FALSE)
  write_tab(vals, sprintf("treat_values_winmax%d.csv", winmax))
  write_tab(tr$log, sprintf("treat_log_winmax%d.csv", winmax))
}

# ---- R/stats.R get_stats (unrounded) ---------------------------------------------------------
stats_rows <- lapply(codes, function(code) {
  xi <- raw[[code]]
  data.frame(iCode = code, Min = num(min(xi, na.rm = TRUE)), Max = num(max(xi, na.rm = TRUE)),
             Mean = num(mean(xi, na.rm = TRUE)), Median = num(median(xi, na.rm = TRUE)),
             Std = num(sd(xi, na.rm = TRUE)), Skew = num(skew(xi)), Kurt = num(kurt(xi)),
             N.Avail = sum(!is.na(xi)), N.NonZero = sum(xi != 0, na.rm = TRUE),
             N.Unique = length(unique(xi[!is.na(xi)])))
})
write_tab(do.call(rbind, stats_rows), "audit_stats_raw.csv")

# ---- COINr's default Normalise (min-max 0-100, direction applied) and Aggregate (weighted
# arithmetic mean of the children present), giving the "Aggregated" data set ----------------
aggd <- data.frame(row.names = seq_len(nrow(iData)))
for (k in seq_along(codes)) {
  x <- raw[[codes[k]]] * ind$Direction[k]
  aggd[[codes[k]]] <- (x - min(x, na.rm = TRUE)) / (max(x, na.rm = TRUE) - min(x, na.rm = TRUE)) * 100
}
aggs <- iMeta[iMeta$Type == "Aggregate", ]
parent_of <- setNames(iMeta$Parent, iMeta$iCode)
for (lev in sort(unique(aggs$Level))) {
  for (code in aggs$iCode[aggs$Level == lev]) {
    kids <- iMeta$iCode[!is.na(iMeta$Parent) & iMeta$Parent == code & iMeta$Type %in% c("Indicator", "Aggregate")]
    w <- iMeta$Weight[match(kids, iMeta$iCode)]
    X <- as.matrix(aggd[kids])
    aggd[[code]] <- apply(X, 1, function(r) { ok <- !is.na(r); if (!any(ok)) NA else sum(w[ok] * r[ok]) / sum(w[ok]) })
  }
}
write_tab(data.frame(uCode = iData$uCode, lapply(aggd, num), check.names = FALSE), "audit_aggregated.csv")

# ---- R/correlations.R: cor(use = "pairwise.complete.obs"), get_pvals (cor.test) -------------
pair_stats <- function(x, y) {
  ok <- !is.na(x) & !is.na(y)
  n <- sum(ok)
  r <- suppressWarnings(stats::cor(x, y, use = "pairwise.complete.obs"))
  p <- if (n >= 3 && !is.na(r)) stats::cor.test(x, y)$p.value else NA
  c(r = r, p = p, n = n)
}
corr_rows <- list()
for (i in seq_along(codes)) for (j in seq_along(codes)) if (i < j) {
  s <- pair_stats(aggd[[codes[i]]], aggd[[codes[j]]])
  corr_rows[[length(corr_rows) + 1]] <- data.frame(Var1 = codes[i], Var2 = codes[j], r = num(s["r"]),
                                                   p = num(s["p"]), n = s["n"])
}
write_tab(do.call(rbind, corr_rows), "audit_corr_indicators.csv")

# get_corr(withparent = "family"): every indicator and aggregate against each of its ancestors
fam_rows <- list()
for (code in c(codes, aggs$iCode)) {
  anc <- parent_of[[code]]
  while (!is.na(anc) && anc != "") {
    s <- pair_stats(aggd[[code]], aggd[[anc]])
    fam_rows[[length(fam_rows) + 1]] <- data.frame(Element = code, Ancestor = anc, r = num(s["r"]),
                                                   p = num(s["p"]), n = s["n"])
    anc <- parent_of[[anc]]
  }
}
write_tab(do.call(rbind, fam_rows), "audit_corr_family.csv")

# get_corr_flags(cor_thresh = 0.9, thresh_type = "high", grouplev = 2): same parent, r > 0.9,
# and with thresh_type = "low", cor_thresh = -0.4 (r < -0.4), each pair once.
flag_rows <- list()
for (grp in unique(ind$Parent)) {
  kids <- codes[ind$Parent == grp]
  for (i in seq_along(kids)) for (j in seq_along(kids)) if (i < j) {
    r <- suppressWarnings(stats::cor(aggd[[kids[i]]], aggd[[kids[j]]], use = "pairwise.complete.obs"))
    if (!is.na(r) && r > 0.9) flag_rows[[length(flag_rows) + 1]] <- data.frame(Group = grp, Ind1 = kids[i], Ind2 = kids[j], Type = "high", Corr = num(r))
    if (!is.na(r) && r < -0.4) flag_rows[[length(flag_rows) + 1]] <- data.frame(Group = grp, Ind1 = kids[i], Ind2 = kids[j], Type = "low", Corr = num(r))
  }
}
write_tab(do.call(rbind, flag_rows), "audit_corr_flags.csv")

# get_cronbach per group (children of each aggregate), pairwise covariances
cron_rows <- list()
for (code in aggs$iCode) {
  kids <- iMeta$iCode[!is.na(iMeta$Parent) & iMeta$Parent == code]
  X <- aggd[kids]
  k <- ncol(X)
  cv <- stats::cov(X, use = "pairwise.complete.obs")
  sigall <- sum(cv, na.rm = TRUE)
  sigav <- (sigall - sum(diag(cv), na.rm = TRUE)) / (k * (k - 1))
  alpha <- if (k >= 2) (k^2 * sigav) / sigall else NA
  cron_rows[[length(cron_rows) + 1]] <- data.frame(Group = code, k = k, alpha = num(alpha))
}
write_tab(do.call(rbind, cron_rows), "audit_cronbach.csv")

# get_PCA per group: na.omit, prcomp(center = TRUE, scale = TRUE). R's signs are arbitrary:
# each component is turned so that its largest loading in absolute value (the first of equals)
# is positive, as dxframe documents.
pca_rows <- list()
for (code in aggs$iCode) {
  kids <- iMeta$iCode[!is.na(iMeta$Parent) & iMeta$Parent == code]
  if (length(kids) < 2) next
  X <- stats::na.omit(aggd[kids])
  pc <- stats::prcomp(X, center = TRUE, scale. = TRUE)
  ev <- pc$sdev^2
  for (m in seq_along(ev)) {
    v <- pc$rotation[, m]
    v <- v * sign(v[which.max(abs(v))])
    pca_rows[[length(pca_rows) + 1]] <- data.frame(Group = code, rows = nrow(X), component = m,
      variance = num(ev[m]), share = num(ev[m] / sum(ev)),
      loadings = paste(sprintf("%.17g", v), collapse = " "))
  }
}
write_tab(do.call(rbind, pca_rows), "audit_pca.csv")

# ---- get_str_weak(dset = "Raw": adjust_direction = TRUE), topN = bottomN = 5, min_discard ---
rank_col <- function(y) rank(-1 * y, na.last = "keep", ties.method = "min")
adj <- as.data.frame(mapply(`*`, raw, ind$Direction))
rnks <- as.data.frame(lapply(adj, rank_col))
prof_rows <- list()
for (usel in c("AUT", "CHN", "ESP", "NZL", "MMR", "SGP")) {
  u <- which(iData$uCode == usel)
  r <- unlist(rnks[u, ])
  keep <- !is.na(r)
  worst <- sapply(rnks, max, na.rm = TRUE)
  keep <- keep & !(r == worst)
  keep[is.na(keep)] <- FALSE
  rr <- r[keep]
  rr <- rr[order(as.numeric(rr))]
  S <- names(rr)[1:5]
  W <- names(rr)[(length(rr) - 5 + 1):length(rr)]
  for (m in 1:5) prof_rows[[length(prof_rows) + 1]] <- data.frame(uCode = usel, kind = "strength", position = m,
      iCode = S[m], rank = rr[[S[m]]], value = num(raw[u, S[m]]))
  for (m in 1:5) prof_rows[[length(prof_rows) + 1]] <- data.frame(uCode = usel, kind = "weakness", position = m,
      iCode = W[m], rank = rr[[W[m]]], value = num(raw[u, W[m]]))
}
write_tab(do.call(rbind, prof_rows), "profile_str_weak.csv")
cat("wrote expected values to", out_dir, "\n")
