//! Plain-text tables: a header row, a rule, and left-aligned columns as wide as their
//! widest cell (counted in characters), indented two spaces.

/// A table being filled row by row.
pub struct Table {
    headers: Vec<&'static str>,
    rows: Vec<Vec<String>>,
}

impl Table {
    /// A table with these column headers.
    pub fn new(headers: &[&'static str]) -> Table {
        Table {
            headers: headers.to_vec(),
            rows: Vec::new(),
        }
    }

    /// Adds a row; missing cells are empty, extra cells are dropped.
    pub fn row(&mut self, cells: Vec<String>) {
        self.rows.push(cells);
    }

    /// Whether no row was added.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// Appends the table to `out`. Columns that are empty in every row are left out.
    pub fn render(&self, out: &mut String) {
        let cell = |row: &[String], i: usize| row.get(i).map_or("", |c| c.as_str()).to_owned();
        let width = |s: &str| s.chars().count();
        let columns: Vec<(usize, usize)> = (0..self.headers.len())
            .filter(|&i| self.rows.iter().any(|r| !cell(r, i).is_empty()))
            .map(|i| {
                let header = self.headers.get(i).map_or(0, |h| width(h));
                let widest = self.rows.iter().map(|r| width(&cell(r, i))).max();
                (i, header.max(widest.unwrap_or(0)))
            })
            .collect();
        let line = |out: &mut String, cells: Vec<String>| {
            let mut text = String::from("  ");
            for ((_, w), c) in columns.iter().zip(&cells) {
                text.push_str(c);
                text.extend(std::iter::repeat_n(' ', w.saturating_sub(width(c)) + 2));
            }
            out.push_str(text.trim_end());
            out.push('\n');
        };
        let headers = columns
            .iter()
            .map(|(i, _)| self.headers.get(*i).copied().unwrap_or("").to_owned())
            .collect();
        line(out, headers);
        let rules = columns.iter().map(|(_, w)| "─".repeat(*w)).collect();
        line(out, rules);
        for row in &self.rows {
            line(out, columns.iter().map(|(i, _)| cell(row, *i)).collect());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Table;

    #[test]
    fn columns_fit_the_widest_cell_and_empty_columns_are_left_out() {
        let mut table = Table::new(&["Id", "Titel", "Tom"]);
        table.row(vec!["S-1".into(), "Sygedagpenge".into(), String::new()]);
        table.row(vec!["S-22".into(), "Bolig".into()]);
        let mut out = String::new();
        table.render(&mut out);
        assert_eq!(
            out,
            "  Id    Titel\n  ────  ────────────\n  S-1   Sygedagpenge\n  S-22  Bolig\n"
        );
    }
}
