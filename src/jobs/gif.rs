//! The GIF export as a worker job: the page composes each frame (as for the video) and sends its
//! pixels; the worker maps them to a fixed palette built from the app's own colours and encodes
//! them with the `gif` crate, so that the page's download carries no encoder and its main thread
//! does no encoding.
//!
//! Protocol (`wire`): the page sends a header line (`Header`), then each frame's RGBA bytes; the
//! worker answers its progress after frame K, and after the last one the file's bytes, or an
//! error.
//! Each frame after the first stores only the rectangle that changed, with the pixels that did
//! not change transparent, so a replay where most of the picture stands still stays small.

use std::borrow::Cow;

use crate::draw::palette::{self, Rgb};

/// The first word of a GIF job's header.
pub const PREFIX: &str = "gif-job";

/// The palette index that stands for "as in the frame before".
const CLEAR: u8 = 255;

/// What the GIF will be: its size, the time each frame shows and how many frames come.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Header {
    /// Width in pixels.
    pub width: u16,
    /// Height in pixels.
    pub height: u16,
    /// How long each frame shows, in hundredths of a second.
    pub delay_cs: u16,
    /// How many frames follow.
    pub frames: u32,
}

impl Header {
    /// The header line the page sends.
    pub fn line(&self) -> String {
        format!(
            "{PREFIX} {} {} {} {}",
            self.width, self.height, self.delay_cs, self.frames
        )
    }

    /// Reads a header line, or says what is wrong with it.
    pub fn parse(line: &str) -> Result<Self, String> {
        let mut words = line.split_whitespace();
        if words.next() != Some(PREFIX) {
            return Err("not a GIF job".into());
        }
        let mut next = |what: &str| {
            words
                .next()
                .and_then(|w| w.parse::<u32>().ok())
                .ok_or_else(|| format!("the GIF job's {what} is missing or not a number"))
        };
        let (width, height, delay, frames) = (
            next("width")?,
            next("height")?,
            next("delay")?,
            next("frame count")?,
        );
        let small = |v: u32, what: &str, max: u32| {
            if (1..=max).contains(&v) {
                Ok(v as u16)
            } else {
                Err(format!("the GIF's {what} must be from 1 to {max}, not {v}"))
            }
        };
        if !(1..=2_000).contains(&frames) {
            return Err(format!("a GIF has from 1 to 2000 frames, not {frames}"));
        }
        Ok(Self {
            width: small(width, "width", 2_000)?,
            height: small(height, "height", 2_000)?,
            delay_cs: small(delay, "delay", 1_000)?,
            frames,
        })
    }

    /// Bytes of one frame's RGBA pixels.
    pub fn frame_bytes(&self) -> usize {
        usize::from(self.width) * usize::from(self.height) * 4
    }
}

/// The 255 colours every frame is drawn in: the app's colours, each at several strengths over
/// white (the fleet's gauges, the chart's shaded area, anti-aliased text), a ramp of greys, and
/// a coarse cube for anything else. Index 255 is kept for "unchanged".
pub fn colours() -> Vec<Rgb> {
    let light = palette::LIGHT;
    let base = [
        palette::VERMILLION,
        palette::BLUE,
        palette::SKY_BLUE,
        palette::ORANGE,
        palette::YELLOW,
        palette::REDDISH_PURPLE,
        palette::GREY,
        palette::DARK_GREY,
        light.ink,
        light.muted,
        light.grid,
        light.compare,
    ];
    // The page's background first: it wins its bin over the faintest tints.
    let mut out: Vec<Rgb> = vec![light.background];
    for c in base {
        for k in 0..7 {
            let share = 1.0 - f32::from(k as u8) * 0.15;
            out.push(mix(c, [255, 255, 255], share));
        }
    }
    for k in 0..32u16 {
        let v = (k * 255 / 31) as u8;
        out.push([v, v, v]);
    }
    for r in 0..5u16 {
        for g in 0..5u16 {
            for b in 0..5u16 {
                let level = |v: u16| (v * 255 / 4) as u8;
                out.push([level(r), level(g), level(b)]);
            }
        }
    }
    out.truncate(255);
    out
}

fn mix(a: Rgb, b: Rgb, share_of_a: f32) -> Rgb {
    let m = |x: u8, y: u8| {
        (f32::from(x) * share_of_a + f32::from(y) * (1.0 - share_of_a)).round() as u8
    };
    [m(a[0], b[0]), m(a[1], b[1]), m(a[2], b[2])]
}

/// Maps colours to the palette: the nearest colour of each 5-bit-per-channel bin, computed once.
struct Mapper {
    table: Vec<u8>,
}

impl Mapper {
    fn new(colours: &[Rgb]) -> Self {
        let table = (0..32 * 32 * 32u32)
            .map(|bin| {
                let centre = |shift: u32| (((bin >> shift) & 31) * 8 + 4) as i32;
                let (r, g, b) = (centre(10), centre(5), centre(0));
                colours
                    .iter()
                    .enumerate()
                    .min_by_key(|(_, c)| {
                        let d = |x: u8, y: i32| (i32::from(x) - y).pow(2);
                        d(c[0], r) * 3 + d(c[1], g) * 4 + d(c[2], b) * 2
                    })
                    .map_or(0, |(k, _)| k as u8)
            })
            .collect();
        let mut mapper = Self { table };
        // The palette's own colours map to themselves, the app's full colours (listed first)
        // winning a bin they share with another.
        for (k, c) in colours.iter().enumerate().rev() {
            let bin = Self::bin(c[0], c[1], c[2]);
            mapper.table[bin] = k as u8;
        }
        mapper
    }

    fn bin(r: u8, g: u8, b: u8) -> usize {
        (usize::from(r >> 3) << 10) | (usize::from(g >> 3) << 5) | usize::from(b >> 3)
    }

    fn index(&self, r: u8, g: u8, b: u8) -> u8 {
        self.table[Self::bin(r, g, b)]
    }
}

/// A GIF being written, frame by frame.
pub struct GifWriter {
    header: Header,
    encoder: gif::Encoder<Vec<u8>>,
    mapper: Mapper,
    previous: Option<Vec<u8>>,
    written: u32,
}

impl GifWriter {
    /// Starts a GIF that loops forever.
    pub fn new(header: Header) -> Result<Self, String> {
        let colours = colours();
        let mut flat: Vec<u8> = colours.iter().flatten().copied().collect();
        flat.resize(256 * 3, 0);
        let mut encoder = gif::Encoder::new(Vec::new(), header.width, header.height, &flat)
            .map_err(|e| format!("the GIF could not be started: {e}"))?;
        encoder
            .set_repeat(gif::Repeat::Infinite)
            .map_err(|e| format!("the GIF could not be started: {e}"))?;
        Ok(Self {
            header,
            encoder,
            mapper: Mapper::new(&colours),
            previous: None,
            written: 0,
        })
    }

    /// Frames written so far.
    pub fn written(&self) -> u32 {
        self.written
    }

    /// Whether every frame the header announced is in.
    pub fn complete(&self) -> bool {
        self.written >= self.header.frames
    }

    /// Adds a frame from its RGBA pixels (alpha is ignored).
    pub fn push(&mut self, rgba: &[u8]) -> Result<(), String> {
        if rgba.len() != self.header.frame_bytes() {
            return Err(format!(
                "frame {} has {} bytes; a {}x{} frame has {}",
                self.written + 1,
                rgba.len(),
                self.header.width,
                self.header.height,
                self.header.frame_bytes()
            ));
        }
        if self.complete() {
            return Err("more frames than the header announced".into());
        }
        let mut last = None::<([u8; 3], u8)>;
        let indices: Vec<u8> = rgba
            .chunks_exact(4)
            .map(|p| {
                let rgb = [p[0], p[1], p[2]];
                match last {
                    Some((seen, k)) if seen == rgb => k,
                    _ => {
                        let k = self.mapper.index(p[0], p[1], p[2]);
                        last = Some((rgb, k));
                        k
                    }
                }
            })
            .collect();
        let (w, h) = (
            usize::from(self.header.width),
            usize::from(self.header.height),
        );
        let mut frame = gif::Frame {
            delay: self.header.delay_cs,
            dispose: gif::DisposalMethod::Keep,
            ..gif::Frame::default()
        };
        match &self.previous {
            None => {
                frame.width = self.header.width;
                frame.height = self.header.height;
                frame.buffer = Cow::Borrowed(&indices);
                self.encoder
                    .write_frame(&frame)
                    .map_err(|e| format!("the GIF could not be written: {e}"))?;
            }
            Some(before) => {
                // Only the rectangle that changed, and in it only the pixels that did.
                let changed = |k: usize| indices[k] != before[k];
                let rows: Vec<usize> = (0..h)
                    .filter(|y| (0..w).any(|x| changed(y * w + x)))
                    .collect();
                let (top, bottom) = match (rows.first(), rows.last()) {
                    (Some(a), Some(b)) => (*a, *b),
                    // Nothing changed: one unchanged pixel holds the frame's time.
                    _ => (0, 0),
                };
                let cols = |x: usize| (top..=bottom).any(|y| changed(y * w + x));
                let left = (0..w).find(|x| cols(*x)).unwrap_or(0);
                let right = (0..w).rev().find(|x| cols(*x)).unwrap_or(0).max(left);
                let mut part = Vec::with_capacity((right - left + 1) * (bottom - top + 1));
                for y in top..=bottom {
                    for x in left..=right {
                        let k = y * w + x;
                        part.push(if changed(k) { indices[k] } else { CLEAR });
                    }
                }
                frame.left = left as u16;
                frame.top = top as u16;
                frame.width = (right - left + 1) as u16;
                frame.height = (bottom - top + 1) as u16;
                frame.transparent = Some(CLEAR);
                frame.buffer = Cow::Owned(part);
                self.encoder
                    .write_frame(&frame)
                    .map_err(|e| format!("the GIF could not be written: {e}"))?;
            }
        }
        self.previous = Some(indices);
        self.written += 1;
        Ok(())
    }

    /// The file's bytes.
    pub fn finish(self) -> Result<Vec<u8>, String> {
        self.encoder
            .into_inner()
            .map_err(|e| format!("the GIF could not be finished: {e}"))
    }
}

#[cfg(test)]
#[cfg(not(target_arch = "wasm32"))]
mod tests;
