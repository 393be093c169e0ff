//! The map's geometry: province outlines read once from the embedded
//! GeoJSON and projected (Albers equal-area conic, the usual projection for
//! maps of China) into SVG path data, so the server draws the map itself
//! and the page needs no tile server and no script.

use std::sync::OnceLock;

/// Width of the map's SVG coordinate system; the height follows the shape.
pub const WIDTH: f64 = 800.0;
const MARGIN: f64 = 8.0;

/// One province-level unit, ready to draw.
#[derive(Debug)]
pub struct Province {
    /// Two-digit division code.
    pub adcode: String,
    /// Official Chinese name ("湖南省").
    pub name: String,
    /// English name ("Hunan").
    pub name_en: String,
    /// SVG path data in map coordinates.
    pub path: String,
}

/// All outlines and the projection that placed them.
#[derive(Debug)]
pub struct Map {
    /// Provinces in code order.
    pub provinces: Vec<Province>,
    /// Height of the SVG coordinate system.
    pub height: f64,
    scale: f64,
    min_x: f64,
    max_y: f64,
}

/// Projected outline rings, before scaling.
type Rings = Vec<Vec<(f64, f64)>>;

/// Albers equal-area conic, standard parallels 25°N and 47°N, centred on
/// 105°E: returns unscaled (x, y) with y pointing north.
fn albers(lon: f64, lat: f64) -> (f64, f64) {
    let (p1, p2, lon0) = (25f64.to_radians(), 47f64.to_radians(), 105f64.to_radians());
    let n = (p1.sin() + p2.sin()) / 2.0;
    let c = p1.cos().powi(2) + 2.0 * n * p1.sin();
    let rho0 = c.sqrt() / n;
    let rho = (c - 2.0 * n * lat.to_radians().sin()).max(0.0).sqrt() / n;
    let theta = n * (lon.to_radians() - lon0);
    (rho * theta.sin(), rho0 - rho * theta.cos())
}

impl Map {
    /// The map, parsed and projected on first use.
    pub fn get() -> &'static Map {
        static MAP: OnceLock<Map> = OnceLock::new();
        MAP.get_or_init(|| Map::parse(crate::assets::PROVINCES_GEOJSON))
    }

    /// Projects the GeoJSON's outlines; features it cannot read are skipped
    /// (the file is ours and checked by a test).
    fn parse(geojson: &str) -> Map {
        let value: serde_json::Value = serde_json::from_str(geojson).unwrap_or_default();
        let features = value["features"].as_array().cloned().unwrap_or_default();
        let mut shapes: Vec<(String, String, String, Rings)> = Vec::new();
        let (mut min_x, mut max_x, mut min_y, mut max_y) = (f64::MAX, f64::MIN, f64::MAX, f64::MIN);
        for feature in features {
            let props = &feature["properties"];
            let text = |k: &str| props[k].as_str().unwrap_or_default().to_owned();
            let mut rings = Vec::new();
            for polygon in feature["geometry"]["coordinates"].as_array().into_iter().flatten() {
                for ring in polygon.as_array().into_iter().flatten() {
                    let points: Vec<(f64, f64)> = ring
                        .as_array()
                        .into_iter()
                        .flatten()
                        .filter_map(|p| Some(albers(p[0].as_f64()?, p[1].as_f64()?)))
                        .collect();
                    for &(x, y) in &points {
                        (min_x, max_x, min_y, max_y) = (min_x.min(x), max_x.max(x), min_y.min(y), max_y.max(y));
                    }
                    rings.push(points);
                }
            }
            shapes.push((text("adcode"), text("name"), text("name_en"), rings));
        }
        let scale = (WIDTH - 2.0 * MARGIN) / (max_x - min_x).max(f64::EPSILON);
        let mut map = Map {
            provinces: Vec::new(),
            height: (max_y - min_y) * scale + 2.0 * MARGIN,
            scale,
            min_x,
            max_y,
        };
        for (adcode, name, name_en, rings) in shapes {
            let mut path = String::new();
            for ring in rings {
                for (i, (x, y)) in ring.into_iter().enumerate() {
                    let (sx, sy) = map.to_svg(x, y);
                    path.push_str(&format!("{}{sx:.1},{sy:.1}", if i == 0 { "M" } else { "L" }));
                }
                path.push('Z');
            }
            map.provinces.push(Province {
                adcode,
                name,
                name_en,
                path,
            });
        }
        map
    }

    fn to_svg(&self, x: f64, y: f64) -> (f64, f64) {
        (
            (x - self.min_x) * self.scale + MARGIN,
            (self.max_y - y) * self.scale + MARGIN,
        )
    }

    /// Where a coordinate falls on the map; `None` outside the drawing.
    pub fn project(&self, lat: f64, lon: f64) -> Option<(f64, f64)> {
        if !(-90.0..=90.0).contains(&lat) || !(-180.0..=180.0).contains(&lon) {
            return None;
        }
        let (x, y) = albers(lon, lat);
        let (sx, sy) = self.to_svg(x, y);
        ((0.0..=WIDTH).contains(&sx) && (0.0..=self.height).contains(&sy)).then_some((sx, sy))
    }

    /// The province with this official name.
    pub fn by_name(&self, name: &str) -> Option<&Province> {
        self.provinces.iter().find(|p| p.name == name)
    }
}

/// A province's name in a language: English from the map data where known,
/// else the name as stored.
pub fn province_name(lang: crate::lang::Lang, name: &str) -> String {
    match lang {
        crate::lang::Lang::Zh => name.to_owned(),
        crate::lang::Lang::En => Map::get()
            .by_name(name)
            .map_or_else(|| name.to_owned(), |p| p.name_en.clone()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_provinces_load_and_project() {
        let map = Map::get();
        assert_eq!(map.provinces.len(), 34);
        assert!(
            map.provinces
                .iter()
                .all(|p| p.path.starts_with('M') && p.adcode.len() == 2)
        );
        assert!(map.height > 400.0 && map.height < 900.0, "{}", map.height);
        // Beijing is north-east of Chengdu; both are on the map.
        let (bx, by) = map.project(39.9, 116.4).unwrap();
        let (cx, cy) = map.project(30.66, 104.07).unwrap();
        assert!(bx > cx && by < cy);
        assert!(map.project(48.85, 2.35).is_none(), "Paris is off the map");
        assert_eq!(province_name(crate::lang::Lang::En, "湖南省"), "Hunan");
        assert_eq!(province_name(crate::lang::Lang::En, "青禾省"), "青禾省");
    }
}
