//! The header rules of a variant: the headers it sends (the enum's defaults, its own, its
//! fields'), the one its status requires, and `Upgrade` only on a 426. The grammar of a
//! single name or value is `names::header_name_problem`/`header_value_problem`, which the
//! attribute's reading applies.

use status_core::registry::{Registered, registered};

use crate::ast::{Field, Input, Variant};
use crate::attr::{HeaderAttr, StatusAttr};
use crate::ctxt::Ctxt;
use crate::names::HEADERS;

pub struct Header<'a> {
    pub name: String,
    pub value: HeaderValue<'a>,
}

pub enum HeaderValue<'a> {
    Static(String),
    Field(&'a Field<'a>),
}

/// The headers `variant` sends with `status`, checked against the rules of its status.
pub fn headers<'a>(
    cx: &Ctxt,
    input: &'a Input<'a>,
    variant: &'a Variant<'a>,
    status: StatusAttr,
    inherited: bool,
) -> Vec<Header<'a>> {
    let headers = collect(cx, &input.container().headers, variant, input.is_enum());
    if let Some(required) =
        registered(status.code).and_then(|row| row.required_header.map(|h| (row, h)))
    {
        check_required(cx, required, &headers, variant, status, inherited);
    }
    let upgrade = headers
        .iter()
        .any(|h| h.name.eq_ignore_ascii_case("Upgrade"));
    if upgrade && status.code != 426 {
        let span = if inherited {
            variant.ident.span()
        } else {
            status.span
        };
        cx.error(span, format!(
            "a {} must not send `Upgrade`: only a 426 Upgrade Required names protocols to switch to (RFC 9110 §15.5.22); elsewhere the server manages the connection (RFC 9110 §7.8)",
            status.code
        ));
    }
    headers
}

/// The enum's headers that the variant does not override, the variant's, then its fields'.
fn collect<'a>(
    cx: &Ctxt,
    defaults: &[HeaderAttr],
    variant: &'a Variant<'a>,
    is_enum: bool,
) -> Vec<Header<'a>> {
    let mut out: Vec<Header<'a>> = Vec::new();
    let inherited: &[HeaderAttr] = if is_enum { defaults } else { &[] };
    for header in inherited {
        if !variant
            .attrs
            .headers
            .iter()
            .any(|own| own.name.eq_ignore_ascii_case(&header.name))
        {
            out.push(Header {
                name: header.name.clone(),
                value: HeaderValue::Static(header.value.clone()),
            });
        }
    }
    for header in &variant.attrs.headers {
        out.push(Header {
            name: header.name.clone(),
            value: HeaderValue::Static(header.value.clone()),
        });
    }
    for field in &variant.fields {
        if let Some(name) = &field.attrs.field_header {
            let name_text = name.value.clone();
            if out.iter().any(|h| h.name.eq_ignore_ascii_case(&name_text)) {
                cx.error(name.span, format!("duplicate header `{name_text}`: the attribute already sets it; give each header once"));
            } else {
                out.push(Header {
                    name: name_text,
                    value: HeaderValue::Field(field),
                });
            }
        }
    }
    out
}

fn check_required(
    cx: &Ctxt,
    (row, header): (&Registered, &str),
    headers: &[Header],
    variant: &Variant,
    status: StatusAttr,
    inherited: bool,
) {
    if headers.iter().any(|h| h.name.eq_ignore_ascii_case(header)) {
        return;
    }
    let Some((_, _, _, fix, what)) = HEADERS.iter().find(|h| h.0 == header) else {
        return;
    };
    let (span, whose) = if inherited {
        (
            variant.ident.span(),
            format!(
                "`{}` takes {} {} from the enum, which",
                variant.ident, row.code, row.phrase
            ),
        )
    } else {
        (status.span, format!("{} {}", row.code, row.phrase))
    };
    cx.error(
        span,
        format!(
            "{whose} must send the `{header}` header {what} ({}); add {fix}, or mark a field #[status(header = \"{header}\")]",
            row.section
        ),
    );
}
