//! JSON forms of payment days, frequencies and payment plans.

use egensag::calendar::{Frequency, PaymentDay, PaymentPlan};
use serde_json::json;

#[test]
fn payment_day_forms_round_trip() {
    let cases = [
        (PaymentDay::LastBankingDay, json!("last_banking_day")),
        (PaymentDay::FirstBankingDay, json!("first_banking_day")),
        (PaymentDay::DayOfMonth(1), json!({ "day_of_month": 1 })),
        (PaymentDay::DayOfMonth(15), json!({ "day_of_month": 15 })),
        (PaymentDay::DayOfMonth(31), json!({ "day_of_month": 31 })),
    ];
    for (value, form) in cases {
        assert_eq!(serde_json::to_value(value).unwrap(), form);
        assert_eq!(
            serde_json::from_value::<PaymentDay>(form.clone()).unwrap(),
            value
        );
        let text = serde_json::to_string(&value).unwrap();
        assert_eq!(serde_json::from_str::<PaymentDay>(&text).unwrap(), value);
    }
}

#[test]
fn bad_payment_day_forms_are_rejected() {
    let bad = [
        r#"{"day_of_month": 0}"#,
        r#"{"day_of_month": 32}"#,
        r#"{"day_of_month": 300}"#,
        r#"{"day_of_month": 98765432}"#,
        r#"{"day_of_month": -5}"#,
        r#"{"day_of_month": 5.5}"#,
        r#"{"day_of_month": "5"}"#,
        r#"{"day_of_month": null}"#,
        r#"{"day_of_month": 5, "x": 1}"#,
        r#"{"x": 1, "day_of_month": 5}"#,
        r#"{"day_of_month": 5, "day_of_month": 6}"#,
        r#"{}"#,
        r#""monthly""#,
        r#""LastBankingDay""#,
        r#""last-banking-day""#,
        r#"{"last_banking_day": null}"#,
        r#"5"#,
        r#"null"#,
        r#"[]"#,
    ];
    for text in bad {
        assert!(
            serde_json::from_str::<PaymentDay>(text).is_err(),
            "accepted {text}"
        );
        // (A `Value` keeps only the last of duplicate keys, so that case is for text only.)
        if let Some(value) = serde_json::from_str::<serde_json::Value>(text)
            .ok()
            .filter(|_| !text.contains("6}"))
        {
            assert!(
                serde_json::from_value::<PaymentDay>(value).is_err(),
                "accepted value {text}"
            );
        }
    }
}

#[test]
fn out_of_range_day_message_does_not_echo_the_value() {
    for n in ["0", "32", "300", "98765432", "-7"] {
        let text = format!(r#"{{"day_of_month": {n}}}"#);
        let message = serde_json::from_str::<PaymentDay>(&text)
            .unwrap_err()
            .to_string();
        let without_position = message.split(" at line").next().unwrap();
        assert!(
            !without_position.contains(n.trim_start_matches('-')),
            "{message}"
        );
        assert!(message.contains("1 to 31"), "{message}");
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        let message = serde_json::from_value::<PaymentDay>(value)
            .unwrap_err()
            .to_string();
        assert!(!message.contains(n.trim_start_matches('-')), "{message}");
    }
}

#[test]
fn frequency_is_monthly() {
    assert_eq!(
        serde_json::to_value(Frequency::Monthly).unwrap(),
        json!("monthly")
    );
    assert_eq!(
        serde_json::from_value::<Frequency>(json!("monthly")).unwrap(),
        Frequency::Monthly
    );
    assert!(serde_json::from_value::<Frequency>(json!("weekly")).is_err());
}

#[test]
fn payment_plan_round_trips_and_defaults_in_advance() {
    let plan: PaymentPlan = serde_json::from_value(json!({
        "frequency": "monthly", "payment_day": { "day_of_month": 10 }
    }))
    .unwrap();
    assert_eq!(
        plan,
        PaymentPlan {
            frequency: Frequency::Monthly,
            payment_day: PaymentDay::DayOfMonth(10),
            in_advance: false
        }
    );
    let plan = PaymentPlan {
        in_advance: true,
        ..plan
    };
    let value = serde_json::to_value(plan).unwrap();
    assert_eq!(
        value,
        json!({ "frequency": "monthly", "payment_day": { "day_of_month": 10 }, "in_advance": true })
    );
    assert_eq!(
        serde_json::from_value::<PaymentPlan>(value.clone()).unwrap(),
        plan
    );
    let text = serde_json::to_string(&plan).unwrap();
    assert_eq!(serde_json::from_str::<PaymentPlan>(&text).unwrap(), plan);
}

#[test]
fn payment_plan_rejects_bad_input() {
    let bad = [
        json!({ "frequency": "monthly", "payment_day": "last_banking_day", "extra": 1 }),
        json!({ "frequency": "weekly", "payment_day": "last_banking_day" }),
        json!({ "payment_day": "last_banking_day" }),
        json!({ "frequency": "monthly" }),
        json!({ "frequency": "monthly", "payment_day": { "day_of_month": 0 } }),
        json!({ "frequency": "monthly", "payment_day": { "day_of_month": 5, "x": 1 } }),
        json!({ "frequency": "monthly", "payment_day": "monthly" }),
        json!({ "frequency": "monthly", "payment_day": "last_banking_day", "in_advance": "yes" }),
    ];
    for value in bad {
        assert!(
            serde_json::from_value::<PaymentPlan>(value.clone()).is_err(),
            "accepted {value}"
        );
        assert!(
            serde_json::from_str::<PaymentPlan>(&value.to_string()).is_err(),
            "accepted {value}"
        );
    }
}

#[test]
fn json_schema_matches_the_accepted_forms() {
    let schema = serde_json::to_value(schemars::schema_for!(PaymentPlan)).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let good = [
        json!({ "frequency": "monthly", "payment_day": "last_banking_day" }),
        json!({ "frequency": "monthly", "payment_day": "first_banking_day", "in_advance": true }),
        json!({ "frequency": "monthly", "payment_day": { "day_of_month": 1 } }),
        json!({ "frequency": "monthly", "payment_day": { "day_of_month": 31 } }),
    ];
    for value in good {
        assert!(validator.is_valid(&value), "schema rejects {value}");
        assert!(serde_json::from_value::<PaymentPlan>(value).is_ok());
    }
    let bad = [
        json!({ "frequency": "monthly", "payment_day": { "day_of_month": 0 } }),
        json!({ "frequency": "monthly", "payment_day": { "day_of_month": 32 } }),
        json!({ "frequency": "monthly", "payment_day": { "day_of_month": 5, "x": 1 } }),
        json!({ "frequency": "monthly", "payment_day": {} }),
        json!({ "frequency": "monthly", "payment_day": "monthly" }),
        json!({ "frequency": "monthly", "payment_day": "last_banking_day", "x": 1 }),
        json!({ "frequency": "weekly", "payment_day": "last_banking_day" }),
    ];
    for value in bad {
        assert!(!validator.is_valid(&value), "schema accepts {value}");
        assert!(serde_json::from_value::<PaymentPlan>(value).is_err());
    }
}

#[test]
fn payment_day_schema_has_the_serde_shape() {
    let schema = serde_json::to_value(schemars::schema_for!(PaymentDay)).unwrap();
    let variants = schema["oneOf"].as_array().unwrap();
    assert_eq!(variants.len(), 3, "{schema}");
    assert_eq!(variants[0]["const"], "last_banking_day");
    assert_eq!(variants[1]["const"], "first_banking_day");
    let object = &variants[2];
    assert_eq!(object["type"], "object");
    assert_eq!(object["additionalProperties"], false);
    assert_eq!(object["required"], json!(["day_of_month"]));
    assert_eq!(object["properties"]["day_of_month"]["minimum"], 1);
    assert_eq!(object["properties"]["day_of_month"]["maximum"], 31);
    // The schema's descriptions are prose, not the Rust doc examples.
    assert!(!schema.to_string().contains("```"), "{schema}");
}
