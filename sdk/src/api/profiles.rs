//! User profiles: how users appear (display name, picture), their company and billing details,
//! and their postal address.
//!
//! ```no_run
//! use upsun::profiles::{ProfilesApi, UpdateAddress, UpdateProfile};
//!
//! # async fn run(client: upsun::Client, me: upsun::UserId) -> upsun::Result<()> {
//! let profile = client
//!     .update_profile(me, &UpdateProfile::new().display_name("Ada L."))
//!     .await?;
//! let address = client
//!     .update_address(me, &UpdateAddress::new().country("GB").locality("London"))
//!     .await?;
//! let form = upsun::profiles::picture_form_from_path("me.png").await?;
//! let picture = client.upload_profile_picture(me, &form).await?;
//! println!("{:?} lives in {:?}; picture at {:?}", profile.display_name, address.locality, picture.url);
//! # Ok(())
//! # }
//! ```

mod models;

use std::path::Path;

use crate::{Multipart, UserId, endpoint};

pub use self::models::{
    ColorScheme, CustomerType, InProfiles, Profile, ProfilePicture, ProfileType, UpdateProfile,
};
pub use crate::models::{Address, AddressMetadata, UpdateAddress};

/// The calls of the User Profiles area, implemented for [`Client`](crate::Client).
///
/// Bring the trait into scope to call them: `use upsun::profiles::ProfilesApi;`.
pub trait ProfilesApi: crate::Api {
    /// Lists the user profiles the token may see, with their total `count`.
    ///
    /// ```no_run
    /// # use upsun::profiles::ProfilesApi;
    /// # async fn run(client: upsun::Client) -> upsun::Result<()> {
    /// let page = client.list_profiles().await?;
    /// for profile in &page.items {
    ///     println!("{:?}", profile.display_name);
    /// }
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(GET, "/profiles")]
    async fn list_profiles(&self) -> crate::Result<crate::Page<Profile, InProfiles>>;

    /// Gets a user's profile.
    ///
    /// ```no_run
    /// # use upsun::profiles::ProfilesApi;
    /// # async fn run(client: upsun::Client, user_id: upsun::UserId) -> upsun::Result<()> {
    /// let profile = client.get_profile(user_id).await?;
    /// assert_eq!(profile.id, Some(user_id));
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(GET, "/profiles/<user_id>")]
    async fn get_profile(&self, user_id: UserId) -> crate::Result<Profile>;

    /// Updates a user's profile: only the fields set in `update` change.
    ///
    /// The update is checked before sending (`picture` is an absolute http(s) URI, passwords are
    /// not empty); a bad value is an [`Error::InvalidInput`](crate::Error) naming the field, and
    /// nothing is sent. Not retried after a failure that may have reached the API: a password
    /// change sent twice would fail the second time.
    ///
    /// ```no_run
    /// # use upsun::profiles::{ColorScheme, ProfilesApi, UpdateProfile};
    /// # async fn run(client: upsun::Client, user_id: upsun::UserId) -> upsun::Result<()> {
    /// let update = UpdateProfile::new()
    ///     .company_name("Analytical Engines Ltd")
    ///     .ui_colorscheme(ColorScheme::Dark)
    ///     .marketing(false);
    /// let profile = client.update_profile(user_id, &update).await?;
    /// assert_eq!(profile.ui_colorscheme, Some(ColorScheme::Dark));
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(PATCH, "/profiles/<user_id>")]
    async fn update_profile(
        &self,
        user_id: UserId,
        #[body] update: &UpdateProfile,
    ) -> crate::Result<Profile>;

    /// Gets a user's postal address, with the metadata of its country's address fields.
    ///
    /// ```no_run
    /// # use upsun::profiles::ProfilesApi;
    /// # async fn run(client: upsun::Client, user_id: upsun::UserId) -> upsun::Result<()> {
    /// let address = client.get_address(user_id).await?;
    /// if let Some(required) = address.metadata.and_then(|m| m.required_fields) {
    ///     println!("an address there needs {}", required.join(", "));
    /// }
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(GET, "/profiles/<user_id>/address")]
    async fn get_address(&self, user_id: UserId) -> crate::Result<Address>;

    /// Updates a user's postal address: only the fields set in `update` change.
    ///
    /// `country` is checked before sending (two ASCII letters); a bad value is an
    /// [`Error::InvalidInput`](crate::Error) naming the field, and nothing is sent. Safe to
    /// retry: sending the same values twice leaves the same address.
    ///
    /// ```no_run
    /// # use upsun::profiles::{ProfilesApi, UpdateAddress};
    /// # async fn run(client: upsun::Client, user_id: upsun::UserId) -> upsun::Result<()> {
    /// let update = UpdateAddress::new()
    ///     .country("US")
    ///     .thoroughfare("1 Infinite Loop")
    ///     .locality("Cupertino")
    ///     .administrative_area("CA")
    ///     .postal_code("95014");
    /// let address = client.update_address(user_id, &update).await?;
    /// assert_eq!(address.country.as_deref(), Some("US"));
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(PATCH, "/profiles/<user_id>/address", idempotent)]
    async fn update_address(
        &self,
        user_id: UserId,
        #[body] update: &UpdateAddress,
    ) -> crate::Result<Address>;

    /// Uploads a new profile picture; the answer holds its URL.
    ///
    /// `form` is a `multipart/form-data` body with the image in a part named `file`. Build it
    /// from bytes in memory with [`picture_form`] (or `Multipart::new().file("file", name,
    /// content_type, bytes)`), or from a file on disk with [`picture_form_from_path`] (or
    /// [`Multipart::file_from_path`]), which guesses the content type from the extension.
    /// The new picture replaces the old one, so the upload is retried after a failure like a
    /// `PUT`.
    ///
    /// ```no_run
    /// # use upsun::profiles::{self, ProfilesApi};
    /// # async fn run(client: upsun::Client, user_id: upsun::UserId, png: Vec<u8>) -> upsun::Result<()> {
    /// use upsun::Multipart;
    ///
    /// // From memory: the bytes, a file name and a content type.
    /// let form = Multipart::new().file("file", "me.png", "image/png", png.clone());
    /// let picture = client.upload_profile_picture(user_id, &form).await?;
    /// println!("now at {:?}", picture.url);
    /// // The same, shorter:
    /// let form = profiles::picture_form("me.png", "image/png", png);
    ///
    /// // From disk: the file name and content type come from the path.
    /// let form = Multipart::new().file_from_path("file", "photos/me.jpg").await?;
    /// client.upload_profile_picture(user_id, &form).await?;
    /// // The same, shorter:
    /// let form = profiles::picture_form_from_path("photos/me.jpg").await?;
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(POST, "/profile/<user_id>/picture", idempotent)]
    async fn upload_profile_picture(
        &self,
        user_id: UserId,
        #[multipart] form: &Multipart,
    ) -> crate::Result<ProfilePicture>;

    /// Deletes a user's profile picture.
    ///
    /// ```no_run
    /// # use upsun::profiles::ProfilesApi;
    /// # async fn run(client: upsun::Client, user_id: upsun::UserId) -> upsun::Result<()> {
    /// client.delete_profile_picture(user_id).await?;
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(DELETE, "/profile/<user_id>/picture")]
    async fn delete_profile_picture(&self, user_id: UserId) -> crate::Result<()>;
}

impl ProfilesApi for crate::Client {}

/// The name of the form part that holds the picture.
const PICTURE_PART: &str = "file";

/// A form for [`ProfilesApi::upload_profile_picture`] with an image from memory.
///
/// ```
/// let form = upsun::profiles::picture_form("me.png", "image/png", vec![0x89, b'P', b'N', b'G']);
/// ```
pub fn picture_form(
    file_name: impl Into<String>,
    content_type: impl Into<String>,
    data: impl Into<bytes::Bytes>,
) -> Multipart {
    Multipart::new().file(PICTURE_PART, file_name, content_type, data)
}

/// A form for [`ProfilesApi::upload_profile_picture`] with an image read from disk; the content
/// type is guessed from the extension (`.png`, `.jpg`, `.gif`, `.webp`, `.svg`).
///
/// A file that cannot be read is an [`Error::InvalidInput`](crate::Error) naming the path.
///
/// ```no_run
/// # async fn run() -> upsun::Result<()> {
/// let form = upsun::profiles::picture_form_from_path("me.jpg").await?;
/// # Ok(())
/// # }
/// ```
pub async fn picture_form_from_path(path: impl AsRef<Path>) -> crate::Result<Multipart> {
    Multipart::new().file_from_path(PICTURE_PART, path).await
}
