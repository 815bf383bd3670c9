//! Places: the gazetteer ([`gazetteer`]) and the geocoding stage ([`geocode`]) that fills
//! [`crate::Doc::places`].

pub mod gazetteer;
pub mod geocode;

pub use gazetteer::{GazPlace, Gazetteer, PlaceKind};
pub use geocode::run;
