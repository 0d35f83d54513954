//! The one streaming XML reader behind the KLE catalogue and the NemLog-in privilege
//! claim: quick-xml events, entities resolved, no DOM built, nothing echoed in errors.
//! quick-xml's errors become [`Error`]s in the error boundary, at the handler's place.

use crate::error::boundary::XmlPlace;
use crate::error::Error;
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

/// What a streaming read reports to.
pub(crate) trait XmlHandler {
    /// An element opens.
    fn start(&mut self, element: &BytesStart<'_>) -> Result<(), Error>;
    /// The innermost open element closes.
    fn end(&mut self) -> Result<(), Error>;
    /// Character data (text, CDATA or a resolved reference). A reference the handler is not
    /// capturing arrives as `&`, so a handler can refuse content where none belongs.
    fn text(&mut self, text: &str) -> Result<(), Error>;
    /// Whether the handler keeps the text now being read (references are then resolved).
    fn capturing(&self) -> bool;
    /// Where the handler is: the code, document name and path of an error of the XML
    /// itself met now (not well-formed, or a reference to an unknown entity).
    fn place(&self) -> XmlPlace;
}

/// Reads `xml` to its end, reporting every event to `handler`.
pub(crate) fn read(xml: &str, handler: &mut impl XmlHandler) -> Result<(), Error> {
    let mut reader = Reader::from_str(xml);
    let config = reader.config_mut();
    config.expand_empty_elements = true;
    config.check_end_names = true;
    config.allow_unmatched_ends = false;
    loop {
        let event = reader
            .read_event()
            .map_err(|e| handler.place().xml_error(&e))?;
        match event {
            Event::Start(e) => handler.start(&e)?,
            Event::End(_) => handler.end()?,
            Event::Text(t) => {
                let text = t
                    .xml_content()
                    .map_err(|e| handler.place().xml_error(&e.into()))?;
                handler.text(&text)?;
            }
            Event::CData(t) => {
                let text = t
                    .xml_content()
                    .map_err(|e| handler.place().xml_error(&e.into()))?;
                handler.text(&text)?;
            }
            Event::GeneralRef(r) if handler.capturing() => {
                let resolved = if r.is_char_ref() {
                    let c = r
                        .resolve_char_ref()
                        .map_err(|e| handler.place().xml_error(&e))?;
                    c.map(String::from)
                } else {
                    r.decode()
                        .ok()
                        .and_then(|name| quick_xml::escape::resolve_predefined_entity(&name))
                        .map(str::to_owned)
                };
                handler.text(&resolved.ok_or_else(|| handler.place().unknown_entity())?)?;
            }
            Event::GeneralRef(_) => handler.text("&")?,
            Event::Eof => return Ok(()),
            Event::Empty(_)
            | Event::Comment(_)
            | Event::Decl(_)
            | Event::PI(_)
            | Event::DocType(_) => {}
        }
    }
}
