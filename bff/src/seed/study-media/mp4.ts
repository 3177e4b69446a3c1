/**
 * A minimal MP4 (ISO BMFF) writer for one H.264 video track: ftyp, moov (written before mdat so a
 * browser can start playing before the whole file arrived) and mdat with all samples in one chunk.
 */

function box(type: string, ...payload: Buffer[]): Buffer {
  const body = Buffer.concat(payload);
  const header = Buffer.alloc(8);
  header.writeUInt32BE(body.length + 8, 0);
  header.write(type, 4, 'latin1');
  return Buffer.concat([header, body]);
}

/** A "full box": version and flags before the payload. */
function fullBox(type: string, version: number, flags: number, ...payload: Buffer[]): Buffer {
  const vf = Buffer.alloc(4);
  vf.writeUInt32BE(((version & 0xff) << 24) | (flags & 0xffffff), 0);
  return box(type, vf, ...payload);
}

function u32(...values: number[]): Buffer {
  const b = Buffer.alloc(values.length * 4);
  values.forEach((v, i) => b.writeUInt32BE(v >>> 0, i * 4));
  return b;
}

function u16(...values: number[]): Buffer {
  const b = Buffer.alloc(values.length * 2);
  values.forEach((v, i) => b.writeUInt16BE(v & 0xffff, i * 2));
  return b;
}

const UNITY_MATRIX = u32(0x00010000, 0, 0, 0, 0x00010000, 0, 0, 0, 0x40000000);

export interface Mp4Video {
  width: number;
  height: number;
  /** Media time units per second. */
  timescale: number;
  /** Duration of every sample, in timescale units. */
  sampleDuration: number;
  sps: Buffer;
  pps: Buffer;
  /** One NAL unit per sample (one slice per picture), without start code. */
  samples: { nal: Buffer; sync: boolean }[];
}

function avcC(sps: Buffer, pps: Buffer): Buffer {
  return box(
    'avcC',
    Buffer.from([1, sps[1], sps[2], sps[3], 0xff, 0xe1]),
    u16(sps.length),
    sps,
    Buffer.from([1]),
    u16(pps.length),
    pps,
  );
}

function sampleEntry(video: Mp4Video): Buffer {
  const compressor = Buffer.alloc(32);
  return box(
    'stsd',
    u32(0, 1), // version/flags, entry_count
    box(
      'avc1',
      Buffer.alloc(6),
      u16(1), // data_reference_index
      Buffer.alloc(16), // pre_defined, reserved
      u16(video.width, video.height),
      u32(0x00480000, 0x00480000, 0), // 72 dpi, reserved
      u16(1), // frame_count
      compressor,
      u16(0x0018, 0xffff), // depth, pre_defined
      avcC(video.sps, video.pps),
    ),
  );
}

function sampleTables(video: Mp4Video, chunkOffset: number, sizes: number[]): Buffer {
  const syncs = video.samples.flatMap((s, i) => (s.sync ? [i + 1] : []));
  return box(
    'stbl',
    sampleEntry(video),
    fullBox('stts', 0, 0, u32(1, video.samples.length, video.sampleDuration)),
    fullBox('stss', 0, 0, u32(syncs.length, ...syncs)),
    fullBox('stsc', 0, 0, u32(1, 1, video.samples.length, 1)),
    fullBox('stsz', 0, 0, u32(0, sizes.length, ...sizes)),
    fullBox('stco', 0, 0, u32(1, chunkOffset)),
  );
}

function movie(video: Mp4Video, chunkOffset: number, sizes: number[]): Buffer {
  const mediaDuration = video.samples.length * video.sampleDuration;
  const movieDuration = Math.round((mediaDuration * 1000) / video.timescale);
  const mvhd = fullBox(
    'mvhd',
    0,
    0,
    u32(0, 0, 1000, movieDuration, 0x00010000),
    u16(0x0100, 0),
    u32(0, 0),
    UNITY_MATRIX,
    Buffer.alloc(24),
    u32(2), // next_track_ID
  );
  const tkhd = fullBox(
    'tkhd',
    0,
    3, // enabled, in movie
    u32(0, 0, 1, 0, movieDuration, 0, 0),
    u16(0, 0, 0, 0), // layer, alternate_group, volume, reserved
    UNITY_MATRIX,
    u32(video.width << 16, video.height << 16),
  );
  const mdhd = fullBox('mdhd', 0, 0, u32(0, 0, video.timescale, mediaDuration), u16(0x55c4, 0)); // 'und'
  const hdlr = fullBox(
    'hdlr',
    0,
    0,
    u32(0),
    Buffer.from('vide', 'latin1'),
    Buffer.alloc(12),
    Buffer.from('VideoHandler\0'),
  );
  const dinf = box('dinf', fullBox('dref', 0, 0, u32(1), fullBox('url ', 0, 1)));
  const minf = box('minf', fullBox('vmhd', 0, 1, u16(0, 0, 0, 0)), dinf, sampleTables(video, chunkOffset, sizes));
  return box('moov', mvhd, box('trak', tkhd, box('mdia', mdhd, hdlr, minf)));
}

/** The whole file. */
export function muxMp4(video: Mp4Video): Buffer {
  const ftyp = box('ftyp', Buffer.from('isom', 'latin1'), u32(0x200), Buffer.from('isomiso2avc1mp41', 'latin1'));
  const payloads = video.samples.map((s) => Buffer.concat([u32(s.nal.length), s.nal]));
  const sizes = payloads.map((p) => p.length);
  // The moov's size does not depend on the chunk offset's value: measure it once with 0.
  const moovSize = movie(video, 0, sizes).length;
  const chunkOffset = ftyp.length + moovSize + 8;
  return Buffer.concat([ftyp, movie(video, chunkOffset, sizes), box('mdat', ...payloads)]);
}
