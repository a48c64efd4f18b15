//! SSH keys: the public keys a user signs in to environments with.
//!
//! There is no call that lists a user's keys: they come with the current user, in
//! [`CurrentUser::ssh_keys`](crate::users::CurrentUser::ssh_keys) from
//! [`current_user_info`](crate::users::UsersApi::current_user_info). This area adds, reads
//! and deletes one key at a time.
//!
//! ```no_run
//! # #![allow(deprecated)]
//! use upsun::ssh_keys::{CreateSshKey, SshKeysApi};
//! use upsun::users::UsersApi;
//!
//! # async fn run(client: upsun::Client) -> upsun::Result<()> {
//! let key = client
//!     .create_ssh_key(&CreateSshKey::new("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI grace@laptop").title("laptop"))
//!     .await?;
//! let mine = client.current_user_info().await?.ssh_keys.unwrap_or_default();
//! assert!(mine.iter().any(|k| k.key_id == key.key_id));
//! # Ok(())
//! # }
//! ```

mod models;

use crate::{SshKey, SshKeyId, endpoint};

pub use self::models::CreateSshKey;

/// The calls of the Ssh Keys area, implemented for [`Client`](crate::Client).
///
/// Bring the trait into scope to call them: `use upsun::ssh_keys::SshKeysApi;`.
pub trait SshKeysApi: crate::Api {
    /// Adds a public SSH key to a user (the token's own unless
    /// [`uuid`](CreateSshKey::uuid) names another).
    ///
    /// ```no_run
    /// # use upsun::ssh_keys::{CreateSshKey, SshKeysApi};
    /// # async fn run(client: upsun::Client) -> upsun::Result<()> {
    /// let key = client
    ///     .create_ssh_key(&CreateSshKey::new("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI me@laptop"))
    ///     .await?;
    /// println!("{:?}", key.fingerprint);
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(POST, "/ssh_keys")]
    async fn create_ssh_key(&self, #[body] key: &CreateSshKey) -> crate::Result<SshKey>;

    /// Deletes an SSH key.
    ///
    /// ```no_run
    /// # use upsun::ssh_keys::SshKeysApi;
    /// # async fn run(client: upsun::Client) -> upsun::Result<()> {
    /// client.delete_ssh_key(upsun::SshKeyId::new(42)).await?;
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(DELETE, "/ssh_keys/<key_id>")]
    async fn delete_ssh_key(&self, key_id: SshKeyId) -> crate::Result<()>;

    /// Gets an SSH key.
    ///
    /// ```no_run
    /// # use upsun::ssh_keys::SshKeysApi;
    /// # async fn run(client: upsun::Client) -> upsun::Result<()> {
    /// let key = client.get_ssh_key(upsun::SshKeyId::new(42)).await?;
    /// println!("{:?}", key.title);
    /// # Ok(())
    /// # }
    /// ```
    #[endpoint(GET, "/ssh_keys/<key_id>")]
    async fn get_ssh_key(&self, key_id: SshKeyId) -> crate::Result<SshKey>;
}

impl SshKeysApi for crate::Client {}
