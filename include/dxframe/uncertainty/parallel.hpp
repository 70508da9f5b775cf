// SPDX-License-Identifier: MIT
/// @file
/// @brief Running replications on several threads in fixed chunks, with a progress callback.
///
/// Replications are numbered 0..total−1 and cut into chunks of a fixed size; worker threads take
/// the next chunk from a shared counter. Which worker runs which chunk varies from run to run,
/// so nothing that depends on it may reach a result: each replication draws from its own random
/// stream (random.hpp), writes into its own slot or into integer counters (whose sums do not
/// depend on order), and everything else is reduced afterwards in replication order. The thread
/// count therefore changes the speed, never a bit of the result.
#pragma once

#include <cstddef>
#include <functional>

#include <dxframe/config.hpp>

namespace dxframe {

/// Called from the thread that started an analysis — once before the first replication, about
/// ten times a second while they run, and once at the end — with the number of replications
/// done and the total. Return false to cancel the analysis (its result is then marked cancelled
/// and holds no statistics).
using progress_callback = std::function<bool(std::size_t done, std::size_t total)>;

/// The number of worker threads `requested` stands for: itself, or for 0 all hardware threads
/// (1 when the standard library cannot tell).
DXFRAME_DECL unsigned resolve_thread_count(unsigned requested) noexcept;

}  // namespace dxframe

#if DXFRAME_HEADER_ONLY
#include <dxframe/uncertainty/impl/parallel.ipp>
#endif
