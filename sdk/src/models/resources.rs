//! [`Resources`]: how the calls that set up services choose their resources.

use serde::Serialize;

/// `{"init": ...}`: how the resources of new or changed services are set up.
///
/// Built from the call's own enum: `.resources(BranchInit::Parent)`.
///
/// ```
/// use upsun::environments::{BranchEnvironment, BranchInit};
///
/// let branch = BranchEnvironment::new("Login", "feature/login").resources(BranchInit::Parent);
/// assert_eq!(
///     serde_json::to_value(&branch)?,
///     serde_json::json!({"title": "Login", "name": "feature/login", "resources": {"init": "parent"}}),
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Resources<T> {
    /// Where the resources come from.
    pub init: T,
}
