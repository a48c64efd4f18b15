//! A global allocator that counts, per thread, the allocations made while counting is on.
//!
//! Install it in a bench binary:
//!
//! ```ignore
//! #[global_allocator]
//! static ALLOC: upsun_benches::alloc::Counting = upsun_benches::alloc::Counting;
//! ```
//!
//! Counting is off unless a [`Tally`] is alive, so the throughput rounds pay one relaxed load per
//! allocation and nothing else. Counts are per thread: a `Tally` on the client thread sees the
//! client's allocations, not those of the server thread answering it.
#![allow(unsafe_code)] // `GlobalAlloc` is an unsafe trait; every method forwards to `System`.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::sync::atomic::{AtomicUsize, Ordering};

/// How many [`Tally`]s are alive; zero means no counting.
static ACTIVE: AtomicUsize = AtomicUsize::new(0);

thread_local! {
    // `const` and without `Drop`: reading it never allocates and works during thread teardown.
    static COUNTS: Cell<Counts> = const { Cell::new(Counts::ZERO) };
}

/// The [`System`] allocator, counting.
#[derive(Debug)]
pub struct Counting;

/// Allocation events on one thread.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Counts {
    /// `alloc` and `alloc_zeroed` calls.
    pub allocs: u64,
    /// `realloc` calls (a growing `String` or `Vec`).
    pub reallocs: u64,
    /// Bytes asked for by both.
    pub bytes: u64,
}

impl Counts {
    const ZERO: Counts = Counts {
        allocs: 0,
        reallocs: 0,
        bytes: 0,
    };
}

fn record(realloc: bool, size: usize) {
    if ACTIVE.load(Ordering::Relaxed) == 0 {
        return;
    }
    let _ = COUNTS.try_with(|counts| {
        let mut c = counts.get();
        if realloc {
            c.reallocs += 1;
        } else {
            c.allocs += 1;
        }
        c.bytes += size as u64;
        counts.set(c);
    });
}

// SAFETY: every method forwards its arguments unchanged to `System`, which upholds the
// `GlobalAlloc` contract; the counting around it neither allocates nor unwinds.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        record(false, layout.size());
        // SAFETY: the caller's guarantees on `layout` are passed on as they are.
        unsafe { System.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        record(false, layout.size());
        // SAFETY: as for `alloc`.
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        record(true, new_size);
        // SAFETY: `ptr` was allocated by `System` through this allocator with `layout`.
        unsafe { System.realloc(ptr, layout, new_size) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: `ptr` was allocated by `System` through this allocator with `layout`.
        unsafe { System.dealloc(ptr, layout) }
    }
}

/// Counts this thread's allocations from [`start`](Tally::start) to [`stop`](Tally::stop).
#[derive(Debug)]
pub struct Tally {
    before: Counts,
}

impl Tally {
    /// Starts counting on this thread.
    pub fn start() -> Tally {
        ACTIVE.fetch_add(1, Ordering::Relaxed);
        Tally {
            before: COUNTS.with(Cell::get),
        }
    }

    /// The allocations this thread made since `start`.
    pub fn stop(self) -> Counts {
        let now = COUNTS.with(Cell::get);
        Counts {
            allocs: now.allocs - self.before.allocs,
            reallocs: now.reallocs - self.before.reallocs,
            bytes: now.bytes - self.before.bytes,
        }
    }
}

impl Drop for Tally {
    fn drop(&mut self) {
        ACTIVE.fetch_sub(1, Ordering::Relaxed);
    }
}
