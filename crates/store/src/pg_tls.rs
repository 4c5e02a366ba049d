//! TLS for PostgreSQL connections, with libpq's meaning of `sslmode` and `sslrootcert`.
//!
//! The `postgres` crate parses only `sslmode=disable|prefer|require` and refuses
//! `sslrootcert`, so both options are taken out of the URL or key-value string here and the
//! rest is left to the crate. The TLS itself is rustls (ring) through `tokio-postgres-rustls`.
//!
//! | `sslmode` | encrypted | certificate checked |
//! |---|---|---|
//! | `disable` | never | - |
//! | `allow`, `prefer` (the default) | if the server offers TLS | no |
//! | `require` | always | no (libpq's meaning: encryption only); with `sslrootcert`, as `verify-ca` |
//! | `verify-ca` | always | signed by a trusted root |
//! | `verify-full` | always | signed by a trusted root and issued for the host name or IP |
//!
//! The trusted roots are the certificates in the PEM file `sslrootcert`; without it (or with
//! `sslrootcert=system`) the operating system's store. libpq would read
//! `~/.postgresql/root.crt` instead; talenta does not look there.

use std::sync::Arc;

use postgres::config::SslMode as PgSslMode;
use rustls::client::WebPkiServerVerifier;
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::crypto::{CryptoProvider, verify_tls12_signature, verify_tls13_signature};
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{
    CertificateError, ClientConfig, DigitallySignedStruct, RootCertStore, SignatureScheme,
};
use tokio_postgres_rustls::MakeRustlsConnect;

use crate::StoreError;

/// What `sslmode` asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SslMode {
    /// Plain text only.
    Disable,
    /// TLS when the server offers it, unverified (`allow` is taken as `prefer`).
    Prefer,
    /// TLS always, unverified.
    Require,
    /// TLS always, the chain checked against the roots.
    VerifyCa,
    /// TLS always, the chain and the host name checked.
    VerifyFull,
}

impl SslMode {
    fn parse(value: &str) -> Result<SslMode, StoreError> {
        Ok(match value {
            "disable" => SslMode::Disable,
            "allow" | "prefer" => SslMode::Prefer,
            "require" => SslMode::Require,
            "verify-ca" => SslMode::VerifyCa,
            "verify-full" => SslMode::VerifyFull,
            other => {
                return Err(StoreError::Connect(format!(
                    "unknown sslmode {other:?} (expected disable, allow, prefer, require, \
                     verify-ca or verify-full)"
                )));
            }
        })
    }
}

/// A connection string split into the part the `postgres` crate reads and the TLS options.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Split {
    /// The connection string without `sslmode` and `sslrootcert`.
    pub rest: String,
    /// `sslmode`, `prefer` when absent.
    pub mode: SslMode,
    /// `sslrootcert`, when given.
    pub root_cert: Option<String>,
}

/// Takes `sslmode` and `sslrootcert` out of a `postgres://` URL (query parameters,
/// percent-decoded) or a libpq key-value string (`key=value`, values optionally in single
/// quotes). A string this cannot read is handed on whole, for the `postgres` crate to refuse.
pub fn split(url: &str) -> Result<Split, StoreError> {
    let (rest, mode, root_cert) =
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            split_url(url)
        } else {
            split_key_value(url).unwrap_or_else(|| (url.to_string(), None, None))
        };
    let mode = match mode {
        Some(m) => SslMode::parse(&m)?,
        None => SslMode::Prefer,
    };
    Ok(Split {
        rest,
        mode,
        root_cert,
    })
}

type Parts = (String, Option<String>, Option<String>);

fn split_url(url: &str) -> Parts {
    let Some((base, query)) = url.split_once('?') else {
        return (url.to_string(), None, None);
    };
    let (mut mode, mut root) = (None, None);
    let mut kept = Vec::new();
    for pair in query.split('&') {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        let decoded = || {
            percent_encoding::percent_decode_str(value)
                .decode_utf8_lossy()
                .into_owned()
        };
        match key {
            "sslmode" => mode = Some(decoded()),
            "sslrootcert" => root = Some(decoded()),
            _ => kept.push(pair),
        }
    }
    let rest = if kept.is_empty() {
        base.to_string()
    } else {
        format!("{base}?{}", kept.join("&"))
    };
    (rest, mode, root)
}

/// libpq's key-value syntax: `key = value` pairs separated by white space; a value is
/// unquoted (ends at white space) or in single quotes; a backslash escapes the next character.
fn split_key_value(s: &str) -> Option<Parts> {
    let chars: Vec<char> = s.chars().collect();
    let (mut mode, mut root) = (None, None);
    let mut kept: Vec<String> = Vec::new();
    let mut i = 0;
    let skip_space = |i: &mut usize| {
        while *i < chars.len() && chars[*i].is_whitespace() {
            *i += 1;
        }
    };
    loop {
        skip_space(&mut i);
        if i >= chars.len() {
            break;
        }
        let start = i;
        while i < chars.len() && chars[i] != '=' && !chars[i].is_whitespace() {
            i += 1;
        }
        let key: String = chars[start..i].iter().collect();
        skip_space(&mut i);
        if chars.get(i) != Some(&'=') || key.is_empty() {
            return None;
        }
        i += 1;
        skip_space(&mut i);
        let mut value = String::new();
        if chars.get(i) == Some(&'\'') {
            i += 1;
            loop {
                match chars.get(i) {
                    None => return None,
                    Some('\'') => {
                        i += 1;
                        break;
                    }
                    Some('\\') => {
                        value.push(*chars.get(i + 1)?);
                        i += 2;
                    }
                    Some(c) => {
                        value.push(*c);
                        i += 1;
                    }
                }
            }
        } else {
            while let Some(c) = chars.get(i) {
                if c.is_whitespace() {
                    break;
                }
                if *c == '\\' {
                    value.push(*chars.get(i + 1)?);
                    i += 2;
                } else {
                    value.push(*c);
                    i += 1;
                }
            }
        }
        match key.as_str() {
            "sslmode" => mode = Some(value),
            "sslrootcert" => root = Some(value),
            _ => kept.push(chars[start..i].iter().collect()),
        }
    }
    Some((kept.join(" "), mode, root))
}

/// Connects to PostgreSQL with the TLS that the connection string asks for.
pub fn connect(url: &str) -> Result<postgres::Client, StoreError> {
    let split = split(url)?;
    let mut config: postgres::Config = split
        .rest
        .parse()
        .map_err(|e: postgres::Error| StoreError::Connect(connect_error(&e)))?;
    let connected = match split.mode {
        SslMode::Disable => config.ssl_mode(PgSslMode::Disable).connect(postgres::NoTls),
        mode => {
            let tls = MakeRustlsConnect::new(client_config(mode, split.root_cert.as_deref())?);
            let pg_mode = if mode == SslMode::Prefer {
                PgSslMode::Prefer
            } else {
                PgSslMode::Require
            };
            config.ssl_mode(pg_mode).connect(tls)
        }
    };
    connected.map_err(|e| StoreError::Connect(connect_error(&e)))
}

/// The error with its cause: `postgres::Error`'s own text for a TLS failure is only
/// "error performing TLS handshake", the reason (an unknown issuer, a wrong name) is its source.
fn connect_error(e: &postgres::Error) -> String {
    let mut text = e.to_string();
    let mut cause = std::error::Error::source(e);
    while let Some(c) = cause {
        let more = c.to_string();
        if !text.contains(&more) {
            text.push_str(": ");
            text.push_str(&more);
        }
        cause = c.source();
    }
    text
}

/// The rustls client configuration for a mode other than `disable`.
fn client_config(mode: SslMode, root_cert: Option<&str>) -> Result<ClientConfig, StoreError> {
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    // libpq: "if a root CA file exists, the behavior of sslmode=require will be the same as
    // that of verify-ca".
    let system = root_cert == Some("system");
    let mode = match (mode, root_cert) {
        (SslMode::Require, Some(_)) if !system => SslMode::VerifyCa,
        _ => mode,
    };
    if system && mode != SslMode::VerifyFull {
        // libpq refuses this too: the system's roots vouch for any host they ever signed.
        return Err(StoreError::Connect(
            "sslrootcert=system needs sslmode=verify-full".to_string(),
        ));
    }
    let builder = ClientConfig::builder_with_provider(provider.clone())
        .with_safe_default_protocol_versions()
        .map_err(|e| StoreError::Connect(format!("TLS setup: {e}")))?;
    let verifier: Arc<dyn ServerCertVerifier> = match mode {
        SslMode::Disable | SslMode::Prefer | SslMode::Require => {
            Arc::new(Unverified(provider.clone()))
        }
        SslMode::VerifyCa | SslMode::VerifyFull => {
            let roots = match root_cert {
                Some(path) if !system => file_roots(path)?,
                _ => system_roots()?,
            };
            let webpki = WebPkiServerVerifier::builder_with_provider(Arc::new(roots), provider)
                .build()
                .map_err(|e| StoreError::Connect(format!("TLS setup: {e}")))?;
            if mode == SslMode::VerifyCa {
                Arc::new(AnyName(webpki))
            } else {
                webpki
            }
        }
    };
    let mut config = builder
        .dangerous()
        .with_custom_certificate_verifier(verifier)
        .with_no_client_auth();
    // PostgreSQL 17 checks the ALPN protocol when TLS is negotiated directly.
    config.alpn_protocols = vec![b"postgresql".to_vec()];
    Ok(config)
}

fn file_roots(path: &str) -> Result<RootCertStore, StoreError> {
    let pem = std::fs::read(path)
        .map_err(|e| StoreError::Connect(format!("cannot read sslrootcert {path}: {e}")))?;
    let certs = CertificateDer::pem_slice_iter(&pem)
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| StoreError::Connect(format!("sslrootcert {path} is not PEM: {e}")))?;
    let mut roots = RootCertStore::empty();
    let (added, _) = roots.add_parsable_certificates(certs);
    if added == 0 {
        return Err(StoreError::Connect(format!(
            "sslrootcert {path} holds no usable certificate"
        )));
    }
    Ok(roots)
}

fn system_roots() -> Result<RootCertStore, StoreError> {
    let found = rustls_native_certs::load_native_certs();
    let mut roots = RootCertStore::empty();
    let (added, _) = roots.add_parsable_certificates(found.certs);
    if added == 0 {
        return Err(StoreError::Connect(
            "no root certificates in the system's store: give sslrootcert=/path/ca.pem".to_string(),
        ));
    }
    Ok(roots)
}

/// Accepts any server certificate: libpq's `prefer` and `require` encrypt without checking who
/// the server is. The handshake signatures are still verified, so the key exchange is sound.
#[derive(Debug)]
struct Unverified(Arc<CryptoProvider>);

impl ServerCertVerifier for Unverified {
    fn verify_server_cert(
        &self,
        _end_entity: &CertificateDer<'_>,
        _intermediates: &[CertificateDer<'_>],
        _server_name: &ServerName<'_>,
        _ocsp_response: &[u8],
        _now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        Ok(ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        verify_tls12_signature(
            message,
            cert,
            dss,
            &self.0.signature_verification_algorithms,
        )
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        verify_tls13_signature(
            message,
            cert,
            dss,
            &self.0.signature_verification_algorithms,
        )
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.0.signature_verification_algorithms.supported_schemes()
    }
}

/// `verify-ca`: the chain must lead to a trusted root, whatever name the certificate is for.
/// webpki checks the name only after the chain, so a name mismatch means the chain was good.
#[derive(Debug)]
struct AnyName(Arc<WebPkiServerVerifier>);

impl ServerCertVerifier for AnyName {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp_response: &[u8],
        now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        match self
            .0
            .verify_server_cert(end_entity, intermediates, server_name, ocsp_response, now)
        {
            Err(rustls::Error::InvalidCertificate(
                CertificateError::NotValidForName | CertificateError::NotValidForNameContext { .. },
            )) => Ok(ServerCertVerified::assertion()),
            other => other,
        }
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.0.verify_tls12_signature(message, cert, dss)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.0.verify_tls13_signature(message, cert, dss)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.0.supported_verify_schemes()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn url_options_are_taken_out_and_percent_decoded() {
        let s = split("postgres://u@db:5432/t?sslmode=verify-full&application_name=x&sslrootcert=%2Fetc%2Fca.pem")
            .unwrap();
        assert_eq!(s.rest, "postgres://u@db:5432/t?application_name=x");
        assert_eq!(s.mode, SslMode::VerifyFull);
        assert_eq!(s.root_cert.as_deref(), Some("/etc/ca.pem"));
        let s = split("postgresql://db/t?sslmode=require").unwrap();
        assert_eq!(s.rest, "postgresql://db/t");
        assert_eq!(s.mode, SslMode::Require);
    }

    #[test]
    fn key_value_options_are_taken_out_quoted_or_not() {
        let s = split("host=db sslmode = verify-ca dbname=t sslrootcert='/a b/c\\'a.pem'").unwrap();
        assert_eq!(s.rest, "host=db dbname=t");
        assert_eq!(s.mode, SslMode::VerifyCa);
        assert_eq!(s.root_cert.as_deref(), Some("/a b/c'a.pem"));
    }

    #[test]
    fn without_sslmode_tls_is_preferred() {
        let s = split("host=/tmp/pg user=postgres").unwrap();
        assert_eq!(s.rest, "host=/tmp/pg user=postgres");
        assert_eq!(s.mode, SslMode::Prefer);
        assert_eq!(s.root_cert, None);
    }

    #[test]
    fn an_unknown_sslmode_is_refused_by_name() {
        let e = split("postgres://db/t?sslmode=verify").unwrap_err();
        assert!(
            matches!(e, StoreError::Connect(ref m) if m.contains("\"verify\"")),
            "{e}"
        );
    }

    #[test]
    fn an_unreadable_root_certificate_is_refused_with_its_path() {
        let e = client_config(SslMode::VerifyFull, Some("/nonexistent/ca.pem")).unwrap_err();
        assert!(
            matches!(e, StoreError::Connect(ref m) if m.contains("/nonexistent/ca.pem")),
            "{e}"
        );
    }

    #[test]
    fn system_roots_need_verify_full() {
        assert!(client_config(SslMode::Require, Some("system")).is_err());
    }
}
