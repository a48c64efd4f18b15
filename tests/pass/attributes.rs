// Docs and other attributes are kept; lint attributes on arguments are kept too; raw
// identifiers match their template parameter. The expansion trips no rustc lint.
#![deny(unused_mut, unused_variables, unused_qualifications, unused_braces)]

/// Calls.
pub trait Things: upsun::Api {
    /// Gets a thing by type.
    #[upsun::endpoint(GET, "/things/<type>")]
    #[deprecated = "use `get`"]
    #[must_use]
    async fn get_by_type(&self, r#type: &str) -> upsun::Result<String>;

    /// Lists things.
    #[upsun::endpoint(GET, "/things")]
    async fn list(
        &self,
        #[allow(unused)]
        #[query]
        filter: &[(&str, &str)],
    ) -> upsun::Result<()>;
}

impl Things for upsun::Client {}

fn main() {}
