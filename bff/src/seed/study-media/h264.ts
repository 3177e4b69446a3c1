/**
 * A tiny H.264 (Constrained Baseline) encoder for the demo seed: every picture is either an IDR made
 * of I_PCM macroblocks (raw samples carried inside a valid bitstream, so no transform or entropy
 * coder is needed) or a P picture whose macroblocks are all skipped (repeats the previous picture in
 * a few bytes). Good enough for a short, low-resolution demo lesson that any H.264 decoder plays.
 */

/** Writes bits MSB first, with the Exp-Golomb codes of the H.264 syntax. */
class BitWriter {
  private readonly bytes: number[] = [];
  private current = 0;
  private used = 0;

  bit(value: number): void {
    this.current = (this.current << 1) | (value & 1);
    this.used += 1;
    if (this.used === 8) {
      this.bytes.push(this.current);
      this.current = 0;
      this.used = 0;
    }
  }

  bits(value: number, count: number): void {
    for (let i = count - 1; i >= 0; i -= 1) this.bit((value >>> i) & 1);
  }

  /** ue(v): unsigned Exp-Golomb. */
  ue(value: number): void {
    const coded = value + 1;
    const length = Math.floor(Math.log2(coded));
    this.bits(0, length);
    this.bits(coded, length + 1);
  }

  /** se(v): signed Exp-Golomb. */
  se(value: number): void {
    this.ue(value > 0 ? 2 * value - 1 : -2 * value);
  }

  get aligned(): boolean {
    return this.used === 0;
  }

  alignWithZeros(): void {
    while (this.used !== 0) this.bit(0);
  }

  /** Byte-aligned raw bytes (I_PCM samples). */
  raw(data: Uint8Array): void {
    if (!this.aligned) throw new Error('raw bytes need byte alignment');
    for (const b of data) this.bytes.push(b);
  }

  /** rbsp_trailing_bits: a one, then zeros to the byte boundary. */
  finish(): Buffer {
    this.bit(1);
    this.alignWithZeros();
    return Buffer.from(this.bytes);
  }
}

/** Inserts emulation-prevention bytes so the payload never contains a start code. */
function escapeRbsp(rbsp: Buffer): Buffer {
  const out: number[] = [];
  let zeros = 0;
  for (const b of rbsp) {
    if (zeros >= 2 && b <= 3) {
      out.push(3);
      zeros = 0;
    }
    out.push(b);
    zeros = b === 0 ? zeros + 1 : 0;
  }
  return Buffer.from(out);
}

/** A NAL unit (header byte + escaped payload), without start code: MP4 stores them length-prefixed. */
function nal(refIdc: number, type: number, rbsp: Buffer): Buffer {
  return Buffer.concat([Buffer.from([(refIdc << 5) | type]), escapeRbsp(rbsp)]);
}

const LOG2_MAX_FRAME_NUM = 4;

export interface H264Size {
  /** Multiples of 16. */
  width: number;
  height: number;
}

export function sequenceParameterSet({ width, height }: H264Size): Buffer {
  const w = new BitWriter();
  w.bits(66, 8); // profile_idc: Baseline
  w.bits(0b11000000, 8); // constraint_set0 + set1: Constrained Baseline
  w.bits(20, 8); // level_idc 2.0: I_PCM needs more than level 1's bitrate
  w.ue(0); // seq_parameter_set_id
  w.ue(LOG2_MAX_FRAME_NUM - 4);
  w.ue(2); // pic_order_cnt_type 2: output order = decoding order, no B pictures
  w.ue(1); // max_num_ref_frames
  w.bit(0); // gaps_in_frame_num_value_allowed_flag
  w.ue(width / 16 - 1);
  w.ue(height / 16 - 1);
  w.bit(1); // frame_mbs_only_flag
  w.bit(1); // direct_8x8_inference_flag
  w.bit(0); // frame_cropping_flag
  w.bit(0); // vui_parameters_present_flag
  return nal(3, 7, w.finish());
}

export function pictureParameterSet(): Buffer {
  const w = new BitWriter();
  w.ue(0); // pic_parameter_set_id
  w.ue(0); // seq_parameter_set_id
  w.bit(0); // entropy_coding_mode_flag: CAVLC
  w.bit(0); // bottom_field_pic_order_in_frame_present_flag
  w.ue(0); // num_slice_groups_minus1
  w.ue(0); // num_ref_idx_l0_default_active_minus1
  w.ue(0); // num_ref_idx_l1_default_active_minus1
  w.bit(0); // weighted_pred_flag
  w.bits(0, 2); // weighted_bipred_idc
  w.se(0); // pic_init_qp_minus26
  w.se(0); // pic_init_qs_minus26
  w.se(0); // chroma_qp_index_offset
  w.bit(1); // deblocking_filter_control_present_flag
  w.bit(0); // constrained_intra_pred_flag
  w.bit(0); // redundant_pic_cnt_present_flag
  return nal(3, 8, w.finish());
}

/** A picture in 8-bit 4:2:0: luma width×height, each chroma plane (width/2)×(height/2). */
export interface YuvPicture {
  y: Uint8Array;
  u: Uint8Array;
  v: Uint8Array;
}

/** PCM samples must not be 0 in the first edition of the standard: some decoders still refuse them. */
const pcm = (value: number): number => Math.min(255, Math.max(1, Math.round(value)));

/** An IDR picture: one I slice of I_PCM macroblocks. */
export function idrSlice(size: H264Size, picture: YuvPicture, idrPicId: number): Buffer {
  const w = new BitWriter();
  w.ue(0); // first_mb_in_slice
  w.ue(7); // slice_type: I (all slices of the picture)
  w.ue(0); // pic_parameter_set_id
  w.bits(0, LOG2_MAX_FRAME_NUM); // frame_num
  w.ue(idrPicId % 65536);
  w.bit(0); // no_output_of_prior_pics_flag
  w.bit(0); // long_term_reference_flag
  w.se(0); // slice_qp_delta
  w.ue(1); // disable_deblocking_filter_idc: off (PCM needs none)
  const mbWidth = size.width / 16;
  const mbHeight = size.height / 16;
  const block = new Uint8Array(384);
  for (let mby = 0; mby < mbHeight; mby += 1) {
    for (let mbx = 0; mbx < mbWidth; mbx += 1) {
      w.ue(25); // mb_type I_PCM
      w.alignWithZeros(); // pcm_alignment_zero_bit
      let i = 0;
      for (let row = 0; row < 16; row += 1)
        for (let col = 0; col < 16; col += 1)
          block[i++] = pcm(picture.y[(mby * 16 + row) * size.width + mbx * 16 + col]);
      for (const plane of [picture.u, picture.v])
        for (let row = 0; row < 8; row += 1)
          for (let col = 0; col < 8; col += 1)
            block[i++] = pcm(plane[(mby * 8 + row) * (size.width / 2) + mbx * 8 + col]);
      w.raw(block);
    }
  }
  return nal(3, 5, w.finish());
}

/** A P picture that repeats the previous one: every macroblock skipped. */
export function skipSlice(size: H264Size, frameNum: number): Buffer {
  const w = new BitWriter();
  w.ue(0); // first_mb_in_slice
  w.ue(5); // slice_type: P (all slices of the picture)
  w.ue(0); // pic_parameter_set_id
  w.bits(frameNum % (1 << LOG2_MAX_FRAME_NUM), LOG2_MAX_FRAME_NUM);
  w.bit(0); // num_ref_idx_active_override_flag
  w.bit(0); // ref_pic_list_modification_flag_l0
  w.bit(0); // adaptive_ref_pic_marking_mode_flag (sliding window)
  w.se(0); // slice_qp_delta
  w.ue(1); // disable_deblocking_filter_idc
  w.ue((size.width / 16) * (size.height / 16)); // mb_skip_run: the whole picture
  return nal(2, 1, w.finish());
}
