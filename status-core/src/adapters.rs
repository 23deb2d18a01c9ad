//! The framework adapters. The derive calls [`__impl_adapters!`](crate::__impl_adapters)
//! after every impl; each feature of this crate decides what that macro expands to, so the
//! user's crate needs no features and no `cfg` of its own.

/// Emits the framework impls for a derived type. Not a public API.
///
/// Input: `impl [<generics>] [<type>] where [<predicates>,]`.
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_adapters {
    (impl [$($generics:tt)*] [$($ty:tt)*] where [$($preds:tt)*]) => {};
}
