use super::*;

fn frame(h: &Header, paint: impl Fn(usize, usize) -> Rgb) -> Vec<u8> {
    let (w, hh) = (usize::from(h.width), usize::from(h.height));
    let mut out = Vec::with_capacity(h.frame_bytes());
    for y in 0..hh {
        for x in 0..w {
            let c = paint(x, y);
            out.extend_from_slice(&[c[0], c[1], c[2], 255]);
        }
    }
    out
}

fn writer(h: Header) -> GifWriter {
    let Ok(w) = GifWriter::new(h) else {
        panic!("writer for {h:?}");
    };
    w
}

fn finish(w: GifWriter) -> Vec<u8> {
    let Ok(bytes) = w.finish() else {
        panic!("finish");
    };
    bytes
}

/// Decodes a GIF fully: its size, and every frame composed onto the canvas as RGBA.
fn decode(bytes: &[u8]) -> (u16, u16, Vec<Vec<u8>>) {
    let mut options = gif::DecodeOptions::new();
    options.set_color_output(gif::ColorOutput::RGBA);
    let Ok(mut d) = options.read_info(bytes) else {
        panic!("not a GIF");
    };
    let (w, h) = (d.width(), d.height());
    let mut canvas = vec![0u8; usize::from(w) * usize::from(h) * 4];
    let mut frames = Vec::new();
    while let Ok(Some(f)) = d.read_next_frame() {
        for y in 0..usize::from(f.height) {
            for x in 0..usize::from(f.width) {
                let src = (y * usize::from(f.width) + x) * 4;
                if f.buffer[src + 3] == 0 {
                    continue;
                }
                let dst = ((y + usize::from(f.top)) * usize::from(w) + x + usize::from(f.left)) * 4;
                canvas[dst..dst + 4].copy_from_slice(&f.buffer[src..src + 4]);
            }
        }
        frames.push(canvas.clone());
    }
    (w, h, frames)
}

#[test]
fn the_header_reads_back_and_refuses_nonsense() {
    let h = Header {
        width: 800,
        height: 450,
        delay_cs: 10,
        frames: 97,
    };
    assert_eq!(Header::parse(&h.line()), Ok(h));
    assert!(Header::parse("gif-job 0 450 10 5").is_err_and(|e| e.contains("width")));
    assert!(Header::parse("gif-job 800 450 10 0").is_err_and(|e| e.contains("frames")));
    assert!(Header::parse("gif-job 800 x").is_err_and(|e| e.contains("height")));
    assert!(Header::parse("svg 1").is_err());
}

#[test]
fn frames_decode_to_the_app_colours_they_were_drawn_in() {
    let h = Header {
        width: 64,
        height: 40,
        delay_cs: 10,
        frames: 12,
    };
    let mut gif = writer(h);
    let colours = [palette::VERMILLION, palette::BLUE, palette::ORANGE];
    let mut sent = Vec::new();
    for k in 0..h.frames as usize {
        // A bar that grows one column a frame over a white page, as the cursor moves.
        let f = frame(&h, |x, y| {
            if x <= k * 4 && y > 10 {
                colours[k % 3]
            } else if y < 4 {
                palette::LIGHT.ink
            } else {
                palette::LIGHT.background
            }
        });
        assert!(gif.push(&f).is_ok());
        sent.push(f);
    }
    assert!(gif.complete());
    let bytes = finish(gif);
    let (w, hh, frames) = decode(&bytes);
    assert_eq!((w, hh), (64, 40));
    assert_eq!(frames.len(), 12);
    for (k, (got, want)) in frames.iter().zip(&sent).enumerate() {
        let off = got.iter().zip(want).filter(|(a, b)| a != b).count();
        assert_eq!(off, 0, "frame {k}: {off} bytes differ from the frame sent");
    }
}

#[test]
fn a_still_picture_costs_little_after_the_first_frame() {
    let h = Header {
        width: 200,
        height: 100,
        delay_cs: 10,
        frames: 30,
    };
    let mut gif = writer(h);
    let noise = |x: usize, y: usize| -> Rgb {
        let v = ((x * 7919 + y * 104_729) % 251) as u8;
        [v, v / 2, 255 - v]
    };
    let still = frame(&h, noise);
    for _ in 0..30 {
        assert!(gif.push(&still).is_ok());
    }
    let bytes = finish(gif);
    let mut one = writer(Header { frames: 1, ..h });
    assert!(one.push(&still).is_ok());
    let single = finish(one);
    assert!(
        bytes.len() < single.len() + 30 * 40,
        "{} bytes for 30 frames against {} for one",
        bytes.len(),
        single.len()
    );
}

#[test]
fn a_wrong_frame_is_refused_with_its_size() {
    let h = Header {
        width: 10,
        height: 10,
        delay_cs: 10,
        frames: 1,
    };
    let mut gif = writer(h);
    assert!(gif.push(&[0; 12]).is_err_and(|e| e.contains("400")));
    assert!(gif.push(&[255; 400]).is_ok());
    assert!(gif
        .push(&[255; 400])
        .is_err_and(|e| e.contains("more frames")));
}
