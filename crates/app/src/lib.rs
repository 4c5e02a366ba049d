//! talenta-app: the use cases. Importing master data, the demo government, the talent map and
//! JPM against a position; authorisation and transactions live here, not in the web or CLI.

pub mod import;
