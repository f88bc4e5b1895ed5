//! The `_provenance` block of a saved scenario: for every field, "sourced: ..." or
//! "assumed: ...". Written on every save so that the file itself says what is assumed; ignored
//! on load, because the notes belong to this build of the model, not to the file.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::params::PARAMS;

/// Marker for the provenance notes; serialises as a map from key to note.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Provenance;

impl Serialize for Provenance {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(PARAMS.len()))?;
        for p in PARAMS {
            map.serialize_entry(p.key, &format!("{}: {}", p.status.name(), p.note))?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for Provenance {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        serde::de::IgnoredAny::deserialize(deserializer)?;
        Ok(Provenance)
    }
}
