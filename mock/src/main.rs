//! `upsun-mock`: serves the Upsun API double on 127.0.0.1 for other languages and manual tries.
//!
//! ```text
//! upsun-mock [--port PORT] [--host ADDR] [--token-lifetime SECONDS] [--api-token TOKEN]
//! ```
//!
//! On start it prints `KEY=value` lines (the URL, the seeded user's ID, an access token and an
//! API token) that scripts can read, then serves until killed.

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::process::ExitCode;
use std::time::Duration;

use upsun_mock::{DEFAULT_ACCESS_TOKEN_LIFETIME, MockServer};

const USAGE: &str = "\
upsun-mock: a local double of the Upsun API

USAGE:
    upsun-mock [OPTIONS]

OPTIONS:
    --port PORT                port to listen on (default 8080; 0 picks a free one)
    --host ADDR                address to listen on (default 127.0.0.1)
    --token-lifetime SECONDS   access-token lifetime (default 900; at most ten years)
    --api-token TOKEN          the seeded user's API token (default: random)
    -h, --help                 print this help
    -V, --version              print the version

Prints UPSUN_MOCK_URL, UPSUN_MOCK_USER_ID, UPSUN_MOCK_ACCESS_TOKEN and UPSUN_MOCK_API_TOKEN as
KEY=value lines once it is listening, then serves until killed.
";

/// What the command line asked for.
#[derive(Debug)]
struct Options {
    addr: SocketAddr,
    lifetime: Duration,
    api_token: Option<String>,
}

/// What to do: serve, or print something and exit.
#[derive(Debug)]
enum Command {
    Serve(Options),
    Print(String),
}

fn parse(args: impl IntoIterator<Item = String>) -> Result<Command, String> {
    let mut options = Options {
        addr: SocketAddr::from((Ipv4Addr::LOCALHOST, 8080)),
        lifetime: DEFAULT_ACCESS_TOKEN_LIFETIME,
        api_token: None,
    };
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((flag, value)) if flag.starts_with("--") => {
                (flag.to_owned(), Some(value.to_owned()))
            }
            _ => (arg, None),
        };
        let mut value = |what: &str| {
            inline
                .clone()
                .or_else(|| args.next())
                .ok_or_else(|| format!("`{flag}` needs {what}"))
        };
        match flag.as_str() {
            "-h" | "--help" => return Ok(Command::Print(USAGE.to_owned())),
            "-V" | "--version" => {
                return Ok(Command::Print(format!(
                    "upsun-mock {}\n",
                    env!("CARGO_PKG_VERSION")
                )));
            }
            "--port" => {
                let port = value("a port number")?;
                let port = port
                    .parse()
                    .map_err(|_| format!("`--port` needs a port number (0-65535), got {port:?}"))?;
                options.addr.set_port(port);
            }
            "--host" => {
                let host = value("an IP address")?;
                let ip: IpAddr = host
                    .parse()
                    .map_err(|_| format!("`--host` needs an IP address, got {host:?}"))?;
                options.addr.set_ip(ip);
            }
            "--token-lifetime" => {
                let seconds = value("a number of seconds")?;
                let seconds: u64 = seconds.parse().map_err(|_| {
                    format!("`--token-lifetime` needs a number of seconds, got {seconds:?}")
                })?;
                options.lifetime = Duration::from_secs(seconds);
            }
            "--api-token" => options.api_token = Some(value("a token")?),
            other => {
                return Err(format!(
                    "unknown argument `{other}`; see `upsun-mock --help`"
                ));
            }
        }
    }
    Ok(Command::Serve(options))
}

#[tokio::main(flavor = "current_thread")]
#[allow(
    clippy::print_stdout,
    clippy::print_stderr,
    reason = "a command-line program"
)]
async fn main() -> ExitCode {
    let options = match parse(std::env::args().skip(1)) {
        Ok(Command::Serve(options)) => options,
        Ok(Command::Print(text)) => {
            print!("{text}");
            return ExitCode::SUCCESS;
        }
        Err(message) => {
            eprintln!("upsun-mock: {message}");
            return ExitCode::from(2);
        }
    };
    let mut builder = MockServer::builder()
        .bind(options.addr)
        .access_token_lifetime(options.lifetime);
    if let Some(token) = options.api_token {
        builder = builder.api_token(token);
    }
    let mock = match builder.start().await {
        Ok(mock) => mock,
        Err(err) => {
            eprintln!("upsun-mock: cannot listen on {}: {err}", options.addr);
            return ExitCode::FAILURE;
        }
    };
    println!("UPSUN_MOCK_URL={}", mock.base_url());
    println!("UPSUN_MOCK_USER_ID={}", mock.user_id());
    println!("UPSUN_MOCK_ACCESS_TOKEN={}", mock.access_token());
    println!("UPSUN_MOCK_API_TOKEN={}", mock.api_token());
    println!(
        "# try: curl -H 'Authorization: Bearer {}' {}/users/me",
        mock.access_token(),
        mock.base_url()
    );
    println!(
        "# new access token: curl -u platform-api-user: -d grant_type=api_token -d api_token={} {}/oauth2/token",
        mock.api_token(),
        mock.base_url()
    );
    std::future::pending::<()>().await;
    ExitCode::SUCCESS
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(line: &str) -> Vec<String> {
        line.split_whitespace().map(str::to_owned).collect()
    }

    #[test]
    fn parses_every_option() {
        let Ok(Command::Serve(options)) = parse(args(
            "--port 9000 --host 127.0.0.2 --token-lifetime=5 --api-token abc",
        )) else {
            panic!("expected options");
        };
        assert_eq!(options.addr, SocketAddr::from(([127, 0, 0, 2], 9000)));
        assert_eq!(options.lifetime, Duration::from_secs(5));
        assert_eq!(options.api_token.as_deref(), Some("abc"));
    }

    #[test]
    fn defaults_to_8080_on_loopback() {
        let Ok(Command::Serve(options)) = parse(args("")) else {
            panic!("expected options");
        };
        assert_eq!(options.addr, SocketAddr::from((Ipv4Addr::LOCALHOST, 8080)));
    }

    #[test]
    fn huge_lifetimes_parse_and_are_clamped_by_the_server() {
        let Ok(Command::Serve(options)) = parse(args("--token-lifetime 18446744073709551615"))
        else {
            panic!("expected options");
        };
        assert_eq!(options.lifetime, Duration::from_secs(u64::MAX));
    }

    #[tokio::test]
    async fn the_server_clamps_a_huge_lifetime() {
        let mock = MockServer::builder()
            .port(0)
            .access_token_lifetime(Duration::from_secs(u64::MAX))
            .start()
            .await
            .unwrap();
        assert_eq!(mock.access_token_lifetime().as_secs(), 10 * 31_557_600);
    }

    #[test]
    fn explains_bad_arguments() {
        let error = |line| parse(args(line)).err().unwrap_or_default();
        assert!(error("--port x").contains("--port"));
        assert!(error("--port").contains("needs a port number"));
        assert!(error("--frobnicate").contains("unknown argument `--frobnicate`"));
    }
}
