//! Users: read and update the accounts behind the API.
//!
//! ```no_run
//! use upsun::users::{UpdateUser, UsersApi};
//!
//! # async fn run(client: upsun::Client) -> upsun::Result<()> {
//! let me = client.current_user().await?;
//! let updated = client
//!     .update_user(me.id, &UpdateUser::new().first_name("Ada").country("GB"))
//!     .await?;
//! assert_eq!(updated.first_name, "Ada");
//! # Ok(())
//! # }
//! ```

mod models;

use crate::{UserId, endpoint};

pub use self::models::{
    ConsentMethod, CurrentUser, CurrentUserProject, OwnerInfo, PhoneVerificationStatus,
    ResetEmailAddress, UpdateUser, User, VerificationKind, VerificationStatus,
};
pub use crate::models::SshKey;

/// The calls of the Users area, implemented for [`Client`](crate::Client).
///
/// Bring the trait into scope to call them: `use upsun::users::UsersApi;`.
pub trait UsersApi: crate::Api {
    /// Gets the user the token belongs to.
    ///
    /// ```no_run
    /// # use upsun::users::UsersApi;
    /// # async fn run(client: upsun::Client) -> upsun::Result<()> {
    /// let me = client.current_user().await?;
    /// println!("signed in as {} <{}>", me.username, me.email);
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(GET, "/users/me")]
    async fn current_user(&self) -> crate::Result<User>;

    /// Gets a user by ID.
    ///
    /// ```no_run
    /// # use upsun::users::UsersApi;
    /// # async fn run(client: upsun::Client, id: upsun::UserId) -> upsun::Result<()> {
    /// let user = client.get_user(id).await?;
    /// assert_eq!(user.id, id);
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(GET, "/users/<user_id>")]
    async fn get_user(&self, user_id: UserId) -> crate::Result<User>;

    /// Finds a user by email address; a 404 ([`Error::NotFound`](crate::Error)) when nobody
    /// has it.
    ///
    /// ```no_run
    /// # use upsun::users::UsersApi;
    /// # async fn run(client: upsun::Client) -> upsun::Result<()> {
    /// let user = client.get_user_by_email("ada@example.com").await?;
    /// println!("{} is {}", user.email, user.id);
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(GET, "/users/email=<email>")]
    async fn get_user_by_email(&self, email: &str) -> crate::Result<User>;

    /// Finds a user by username; a 404 ([`Error::NotFound`](crate::Error)) when nobody has
    /// it.
    ///
    /// ```no_run
    /// # use upsun::users::UsersApi;
    /// # async fn run(client: upsun::Client) -> upsun::Result<()> {
    /// let user = client.get_user_by_username("ada").await?;
    /// println!("ada is {}", user.id);
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(GET, "/users/username=<username>")]
    async fn get_user_by_username(&self, username: &str) -> crate::Result<User>;

    /// Updates a user: only the fields set in `update` change.
    ///
    /// The update is checked before sending (`country` is two letters, `picture` and `website`
    /// are absolute http(s) URIs); a bad value is an [`Error::InvalidInput`](crate::Error)
    /// naming the field, and nothing is sent.
    ///
    /// ```no_run
    /// # use upsun::users::{UpdateUser, UsersApi};
    /// # async fn run(client: upsun::Client, id: upsun::UserId) -> upsun::Result<()> {
    /// let user = client
    ///     .update_user(id, &UpdateUser::new().company("Upsun").website("https://upsun.com"))
    ///     .await?;
    /// assert_eq!(user.company, "Upsun");
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(PATCH, "/users/<user_id>")]
    async fn update_user(
        &self,
        user_id: UserId,
        #[body] update: &UpdateUser,
    ) -> crate::Result<User>;

    /// Asks to change a user's email address. The address changes once the user follows the
    /// confirmation email sent to the new address; until then [`User::email`] is the old one.
    ///
    /// The address is checked before sending (it must look like `local@domain`). An address
    /// another account already uses is a 409 ([`Error::Conflict`](crate::Error)).
    ///
    /// ```no_run
    /// # use upsun::users::{ResetEmailAddress, UsersApi};
    /// # async fn run(client: upsun::Client, id: upsun::UserId) -> upsun::Result<()> {
    /// client
    ///     .reset_email_address(id, &ResetEmailAddress::new("ada@analytical.example"))
    ///     .await?;
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(POST, "/users/<user_id>/emailaddress")]
    async fn reset_email_address(
        &self,
        user_id: UserId,
        #[body] reset: &ResetEmailAddress,
    ) -> crate::Result<()>;

    /// Asks for a password reset: the user gets an email with a link to choose a new password.
    ///
    /// ```no_run
    /// # use upsun::users::UsersApi;
    /// # async fn run(client: upsun::Client) -> upsun::Result<()> {
    /// let me = client.current_user().await?;
    /// client.reset_password(me.id).await?;
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(POST, "/users/<user_id>/resetpassword")]
    async fn reset_password(&self, user_id: UserId) -> crate::Result<()>;

    /// Tells whether the token's user must verify a phone number before creating projects.
    ///
    /// ```no_run
    /// # use upsun::users::UsersApi;
    /// # async fn run(client: upsun::Client) -> upsun::Result<()> {
    /// let status = client.check_phone_verification().await?;
    /// if status.verify_phone == Some(true) {
    ///     println!("verify a phone number first (see upsun::phone_numbers)");
    /// }
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(POST, "/me/phone", idempotent)]
    async fn check_phone_verification(&self) -> crate::Result<PhoneVerificationStatus>;

    /// Tells whether the token's user needs any verification (a phone number, or a support
    /// ticket reviewed by staff) before creating projects, and which.
    ///
    /// ```no_run
    /// # use upsun::users::{UsersApi, VerificationKind};
    /// # async fn run(client: upsun::Client) -> upsun::Result<()> {
    /// let status = client.check_verification().await?;
    /// if status.state == Some(true) {
    ///     match status.kind {
    ///         Some(VerificationKind::Phone) => println!("verify a phone number"),
    ///         Some(VerificationKind::Ticket) => println!("open a support ticket"),
    ///         _ => println!("verification needed"),
    ///     }
    /// }
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(POST, "/me/verification", idempotent)]
    async fn check_verification(&self) -> crate::Result<VerificationStatus>;

    /// Gets the token's user in the older `/me` shape, with its SSH keys and projects.
    ///
    /// The API keeps this route for older clients; new code should call
    /// [`current_user`](UsersApi::current_user).
    ///
    /// ```no_run
    /// # #![allow(deprecated)]
    /// # use upsun::users::UsersApi;
    /// # async fn run(client: upsun::Client) -> upsun::Result<()> {
    /// let me = client.current_user_info().await?;
    /// println!("{:?} has {} project(s)", me.username, me.projects.unwrap_or_default().len());
    /// # Ok(())
    /// # }
    /// ```
    #[deprecated(note = "the API deprecates `GET /me`; use `current_user` (`GET /users/me`)")]
    #[endpoint(GET, "/me")]
    async fn current_user_info(&self) -> crate::Result<CurrentUser>;
}

impl UsersApi for crate::Client {}
