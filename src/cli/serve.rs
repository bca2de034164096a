//! The flags of `serve`: where the page is served, whether to open it, and
//! where training finds MNIST.

use super::data::DataDirArg;
use clap::Args;
use std::net::IpAddr;

/// The port `serve` listens on unless `--port` says otherwise.
pub const DEFAULT_PORT: u16 = 8000;

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// The TCP port to listen on; 0 takes a free one (the printed URL says which)
    #[arg(long, value_name = "PORT", default_value_t = DEFAULT_PORT, value_parser = parse_port)]
    pub port: u16,
    /// The address to listen on; any other than a loopback one lets everyone on that network use the server
    #[arg(long, value_name = "ADDRESS", default_value = "127.0.0.1", value_parser = parse_host)]
    pub host: IpAddr,
    /// Open the page in the default browser
    #[arg(long)]
    pub open: bool,
    #[command(flatten)]
    pub data: DataDirArg,
}

/// A port: a whole number from 0 to 65535.
pub fn parse_port(s: &str) -> Result<u16, String> {
    s.trim()
        .parse()
        .map_err(|_| "expected a whole number from 0 to 65535 (0: any free port)".to_string())
}

/// An IP address to listen on, IPv4 or IPv6.
pub fn parse_host(s: &str) -> Result<IpAddr, String> {
    s.trim()
        .parse()
        .map_err(|_| "expected an IP address, like 127.0.0.1 or ::1".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ports_and_addresses_within_their_ranges() {
        assert_eq!(parse_port("0"), Ok(0));
        assert_eq!(parse_port("65535"), Ok(65535));
        assert!(parse_port("65536").is_err() && parse_port("-1").is_err());
        assert_eq!(parse_host("::1"), Ok("::1".parse().unwrap()));
        assert!(parse_host("localhost").is_err());
    }
}
