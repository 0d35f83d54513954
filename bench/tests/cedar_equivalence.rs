//! The Cedar policy set gives egensag's decisions on the benchmark data, record by record.

use egensag::Engine;
use egensag_bench::cedar;
use egensag_bench::gen::{self, Viewer};

#[test]
fn cedar_decides_as_egensag_on_the_benchmark_data() {
    let engine = Engine::from_policy_json(&gen::policy_json()).unwrap();
    let policies = cedar::policy_set(engine.policy());
    for seed in [1, 2026, 77] {
        for viewer in [Viewer::Myself, Viewer::Proxy, Viewer::Relative] {
            let request = engine
                .parse_request(&gen::request_json(seed, 1500, viewer))
                .unwrap();
            let ours = cedar::egensag_decisions(&engine, &request);
            let theirs = cedar::decisions(&policies, &cedar::encode(engine.policy(), &request));
            assert_eq!(ours.len(), 1500);
            let visible = ours.iter().filter(|v| **v).count();
            // Both outcomes occur, so the comparison means something.
            assert!(visible > 50 && visible < 1400, "{visible} visible");
            for (i, (a, b)) in ours.iter().zip(&theirs).enumerate() {
                assert_eq!(a, b, "record {i} (seed {seed}, {viewer:?})");
            }
            assert_eq!(engine.decide_all(&request).unwrap(), visible);
        }
    }
}

#[test]
fn the_generator_is_deterministic() {
    assert_eq!(
        gen::request_json(5, 200, Viewer::Proxy),
        gen::request_json(5, 200, Viewer::Proxy)
    );
    assert_ne!(
        gen::request_json(5, 200, Viewer::Proxy),
        gen::request_json(6, 200, Viewer::Proxy)
    );
}
