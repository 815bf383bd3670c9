//! The lexicons herald ships (`lexicons/`), embedded in the binary and read once per process:
//! the PETRARCH Phoenix actor and agent dictionaries with herald's additions, the gazetteer and
//! the given-name genders. A user's own PETRARCH-format dictionaries extend them
//! ([`Lexicons::add_user_actors`], [`Lexicons::add_user_agents`]).

use std::io::Read;
use std::sync::LazyLock;

use crate::actors::lexicon::ActorLexicon;
use crate::events::negation::Negations;
use crate::events::verbs::VerbDictionary;
use crate::geo::Gazetteer;
use crate::model::hash::WordMap;
use crate::tone::LexiconError;

static PHOENIX_COUNTRIES: &[u8] = include_bytes!("../lexicons/petrarch/Phoenix.Countries.actors.txt.gz");
static PHOENIX_INTERNATIONAL: &[u8] =
    include_bytes!("../lexicons/petrarch/Phoenix.International.actors.txt.gz");
static PHOENIX_NONSTATE: &[u8] = include_bytes!("../lexicons/petrarch/Phoenix.MilNonState.actors.txt.gz");
static PHOENIX_AGENTS: &[u8] = include_bytes!("../lexicons/petrarch/Phoenix.agents.txt.gz");
static HERALD_ACTORS: &str = include_str!("../lexicons/actors-herald.txt");
static HERALD_AGENTS: &str = include_str!("../lexicons/agents-herald.txt");
static GAZETTEER: &[u8] = include_bytes!("../lexicons/gazetteer.tsv.gz");
static FIRST_NAMES: &str = include_str!("../lexicons/first-names.tsv");
static CAMEO_VERBS: &[u8] = include_bytes!("../lexicons/petrarch/CAMEO.2.0.txt.gz");
static HERALD_VERBS: &str = include_str!("../lexicons/verbs-herald.txt");
static ONTOLOGY: &str = include_str!("../lexicons/petrarch/PETR_Internal_Coding_Ontology_1_01.txt");

/// Grammatical gender a given name implies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gender {
    /// `she`, `her`.
    Female,
    /// `he`, `his`.
    Male,
}

/// A lexicon line that could not be read, with the file it is in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoadError {
    /// File name.
    pub file: String,
    /// The line and message.
    pub error: LexiconError,
}

/// Everything the entity stages look up.
#[derive(Debug, Default)]
pub struct Lexicons {
    /// Actors and agents.
    pub actors: ActorLexicon,
    /// Places.
    pub gazetteer: Gazetteer,
    /// CAMEO verbs and patterns.
    pub verbs: VerbDictionary,
    /// What each CAMEO code becomes when the act is negated (PETRARCH2's coding ontology).
    pub negations: Negations,
    /// Lowercase given name → gender.
    pub genders: WordMap<Gender>,
    /// Lines of the embedded or added files that could not be read (and were skipped).
    pub errors: Vec<LoadError>,
}

static EMBEDDED: LazyLock<Lexicons> = LazyLock::new(Lexicons::load_embedded);

impl Lexicons {
    /// The embedded lexicons (read on first call).
    pub fn embedded() -> &'static Lexicons {
        &EMBEDDED
    }

    /// Reads the embedded files into a fresh value (to extend with a user's dictionaries).
    pub fn load_embedded() -> Lexicons {
        let mut lex = Lexicons::places_and_names();
        let note = |file: &str, errors: Vec<LexiconError>, lex: &mut Lexicons| {
            lex.errors.extend(errors.into_iter().map(|error| LoadError { file: file.to_string(), error }));
        };
        for (file, bytes, countries) in [
            ("Phoenix.Countries.actors.txt", PHOENIX_COUNTRIES, true),
            ("Phoenix.International.actors.txt", PHOENIX_INTERNATIONAL, false),
            ("Phoenix.MilNonState.actors.txt", PHOENIX_NONSTATE, false),
        ] {
            let errors = lex.actors.add_actors(&gunzip(bytes, file, &mut lex.errors), countries);
            note(file, errors, &mut lex);
        }
        let errors = lex.actors.add_agents(&gunzip(PHOENIX_AGENTS, "Phoenix.agents.txt", &mut lex.errors));
        note("Phoenix.agents.txt", errors, &mut lex);
        let errors = lex.actors.add_actors(HERALD_ACTORS, false);
        note("actors-herald.txt", errors, &mut lex);
        let errors = lex.actors.add_agents(HERALD_AGENTS);
        note("agents-herald.txt", errors, &mut lex);
        let errors = lex.verbs.add(&gunzip(CAMEO_VERBS, "CAMEO.2.0.txt", &mut lex.errors));
        note("CAMEO.2.0.txt", errors, &mut lex);
        let errors = lex.verbs.add(HERALD_VERBS);
        note("verbs-herald.txt", errors, &mut lex);
        lex
    }

    /// The gazetteer, given names and coding ontology without any actor, agent or verb
    /// dictionary, for coding with a user's dictionaries alone (PETRARCH's `--dictionaries`).
    pub fn without_dictionaries() -> Lexicons {
        Lexicons::places_and_names()
    }

    /// The gazetteer, the given-name genders and the coding ontology (the same whatever the
    /// dictionaries: it is CAMEO's, not a dictionary's).
    fn places_and_names() -> Lexicons {
        let mut lex = Lexicons::default();
        let (negations, errors) = Negations::parse(ONTOLOGY);
        lex.negations = negations;
        let file = "PETR_Internal_Coding_Ontology_1_01.txt";
        lex.errors.extend(errors.into_iter().map(|error| LoadError { file: file.to_string(), error }));
        let (gazetteer, errors) = Gazetteer::parse(&gunzip(GAZETTEER, "gazetteer.tsv.gz", &mut lex.errors));
        lex.gazetteer = gazetteer;
        lex.errors.extend(
            errors.into_iter().map(|error| LoadError { file: "gazetteer.tsv.gz".to_string(), error }),
        );
        for line in FIRST_NAMES.lines().filter(|l| !l.starts_with('#')) {
            if let Some((name, g)) = line.split_once('\t') {
                let gender = if g == "f" { Gender::Female } else { Gender::Male };
                lex.genders.insert(name.to_string(), gender);
            }
        }
        lex
    }

    /// Adds a user's PETRARCH-format actors file; its phrases override the embedded ones.
    /// Entries with a bare three-letter code are read as countries.
    pub fn add_user_actors(&mut self, file: &str, text: &str) -> Vec<LoadError> {
        let errors = self.actors.add_actors(text, true);
        errors.into_iter().map(|error| LoadError { file: file.to_string(), error }).collect()
    }

    /// Adds a user's PETRARCH-format verb dictionary.
    pub fn add_user_verbs(&mut self, file: &str, text: &str) -> Vec<LoadError> {
        let errors = self.verbs.add(text);
        errors.into_iter().map(|error| LoadError { file: file.to_string(), error }).collect()
    }

    /// Adds a user's PETRARCH-format agents file.
    pub fn add_user_agents(&mut self, file: &str, text: &str) -> Vec<LoadError> {
        let errors = self.actors.add_agents(text);
        errors.into_iter().map(|error| LoadError { file: file.to_string(), error }).collect()
    }
}

/// Decompresses an embedded file; a damaged one reads as empty and is reported in `errors`.
fn gunzip(bytes: &[u8], name: &str, errors: &mut Vec<LoadError>) -> String {
    let mut out = String::new();
    if let Err(e) = flate2::read::GzDecoder::new(bytes).read_to_string(&mut out) {
        out.clear();
        let error = LexiconError { line: 0, message: format!("cannot decompress: {e}") };
        errors.push(LoadError { file: name.to_string(), error });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_lexicons_load() {
        let lex = Lexicons::embedded();
        let (actors, agents) = lex.actors.len();
        assert!(actors > 10_000, "{actors} actors");
        assert!(agents > 2_000, "{agents} agents");
        assert!(lex.gazetteer.len() > 30_000);
        assert_eq!(lex.genders.get("karoline"), Some(&Gender::Female));
        // The Phoenix files have a few lines PETRARCH itself skips; herald's own files have none.
        let ours: Vec<_> = lex.errors.iter().filter(|e| !e.file.starts_with("Phoenix")).collect();
        assert!(ours.is_empty(), "{ours:?}");
        assert!(lex.errors.len() < 50, "{:?}", &lex.errors[..10.min(lex.errors.len())]);
    }
}
