//! The form of the API's opaque global IDs — base64url without padding of `TypeName:uuid`
//! (`docs/api-conventions.md`, Shape) — for the core's own use: an import column that names a
//! row (e.g. a placement's `trainingSiteId`) and the export that writes it back. The GraphQL layer
//! builds its IDs with [`encode`] too, so both always agree.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use uuid::Uuid;

/// The global ID of row `id` of the API type `type_name` (e.g. `TrainingSite`).
pub fn encode(type_name: &str, id: Uuid) -> String {
    URL_SAFE_NO_PAD.encode(format!("{type_name}:{id}"))
}

/// The row id of `text` when it is a global ID of the API type `type_name`; `None` for anything
/// else (malformed, or of another type). White space around it is ignored.
pub fn decode(type_name: &str, text: &str) -> Option<Uuid> {
    let bytes = URL_SAFE_NO_PAD.decode(text.trim()).ok()?;
    let text = String::from_utf8(bytes).ok()?;
    let (name, uuid) = text.split_once(':')?;
    (name == type_name)
        .then(|| Uuid::parse_str(uuid).ok())
        .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_and_other_types_are_refused() {
        let id = Uuid::now_v7();
        let gid = encode("TrainingSite", id);
        assert_eq!(decode("TrainingSite", &gid), Some(id));
        assert_eq!(decode("TrainingSite", &format!(" {gid} ")), Some(id));
        assert_eq!(decode("MemberUnit", &gid), None);
        assert_eq!(decode("TrainingSite", "!!"), None);
        assert_eq!(decode("TrainingSite", &id.to_string()), None);
    }
}
