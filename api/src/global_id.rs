//! The form of the API's opaque global IDs — base64url without padding of `TypeName:uuid`
//! (`docs/api-conventions.md`, Shape) — for the core's own use: an import column that names a
//! row (e.g. a placement's `trainingSiteId`) and the export that writes it back. The GraphQL layer
//! builds its IDs with [`encode`] too, so both always agree.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use uuid::Uuid;

/// The global ID of row `id` of the API type `type_name` (e.g. `TrainingSite`).
///
/// Every node of every page carries one, so the text `Type:uuid` is laid out by hand rather than
/// through `format!`, which cost about three times as much.
pub fn encode(type_name: &str, id: Uuid) -> String {
    let mut buffer = Uuid::encode_buffer();
    let uuid = id.hyphenated().encode_lower(&mut buffer);
    let mut plain = Vec::with_capacity(type_name.len() + 1 + uuid.len());
    plain.extend_from_slice(type_name.as_bytes());
    plain.push(b':');
    plain.extend_from_slice(uuid.as_bytes());
    URL_SAFE_NO_PAD.encode(plain)
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
        // The wire format every issued ID has: base64url (no padding) of `Type:uuid`, lower case.
        assert_eq!(gid, URL_SAFE_NO_PAD.encode(format!("TrainingSite:{id}")));
        assert_eq!(decode("TrainingSite", &gid), Some(id));
        assert_eq!(decode("TrainingSite", &format!(" {gid} ")), Some(id));
        assert_eq!(decode("MemberUnit", &gid), None);
        assert_eq!(decode("TrainingSite", "!!"), None);
        assert_eq!(decode("TrainingSite", &id.to_string()), None);
    }
}
