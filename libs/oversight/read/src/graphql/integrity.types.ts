import { Field, Int, ObjectType } from '@nestjs/graphql';
import { CheckpointKind, IntegritySource } from './oversight-enums';

@ObjectType({ description: 'One stream’s hash chain, checked from revision 0.' })
export class IntegrityReport {
  @Field(() => String) streamId!: string;
  @Field(() => Boolean) valid!: boolean;
  @Field(() => Int) eventsChecked!: number;
  @Field(() => Int, { nullable: true, description: 'The first revision that fails; everything after it is unproven.' }) firstBrokenRevision!: number | null;
  @Field(() => String, { nullable: true, description: 'HASH_MISMATCH, PREV_HASH_MISMATCH or REVISION_GAP.' }) problem!: string | null;
  @Field(() => IntegritySource) source!: string;
}

@ObjectType({ description: 'A signed checkpoint (tree size, Merkle root, time) of the whole event log, as RFC 9162’s signed tree head.' })
export class Checkpoint {
  @Field(() => String) origin!: string;
  @Field(() => Int) treeSize!: number;
  @Field(() => String, { description: 'Hex.' }) rootHash!: string;
  @Field(() => String) issuedAt!: string;
  @Field(() => String) keyId!: string;
  @Field(() => String, { description: 'Ed25519, SubjectPublicKeyInfo DER in base64.' }) publicKey!: string;
  @Field(() => String, { description: 'Ed25519 over `note`, base64.' }) signature!: string;
  @Field(() => String, { description: 'The signed text: origin, size, base64 root, time, one per line.' }) note!: string;
}

@ObjectType({ description: 'A checkpoint recorded in the integrity log.' })
export class RecordedCheckpoint {
  @Field(() => Int) sequence!: number;
  @Field(() => CheckpointKind) kind!: string;
  @Field(() => Checkpoint) checkpoint!: Checkpoint;
  @Field(() => Boolean, { description: 'Signed with another key than the checkpoint before.' }) keyChanged!: boolean;
  @Field(() => String) recordedAt!: string;
}

@ObjectType({ description: 'RFC 9162 §2.1.3: the audit path of one event’s leaf.' })
export class InclusionProof {
  @Field(() => String) eventId!: string;
  @Field(() => String, { description: 'The stored hash of the event: the leaf is SHA-256(0x00 ‖ it).' }) eventHash!: string;
  @Field(() => Int) leafIndex!: number;
  @Field(() => Int) treeSize!: number;
  @Field(() => String) leafHash!: string;
  @Field(() => String) rootHash!: string;
  @Field(() => [String]) path!: string[];
  @Field(() => IntegritySource) source!: string;
}

@ObjectType({ description: 'RFC 9162 §2.1.4: the proof that the larger tree extends the smaller.' })
export class ConsistencyProof {
  @Field(() => Int) fromSize!: number;
  @Field(() => Int) toSize!: number;
  @Field(() => String) fromRoot!: string;
  @Field(() => String) toRoot!: string;
  @Field(() => [String]) path!: string[];
  @Field(() => IntegritySource) source!: string;
}

@ObjectType({ description: 'A problem found in the log, located as precisely as the evidence allows.' })
export class LogProblem {
  @Field(() => String) kind!: string;
  @Field(() => Int, { nullable: true }) leafIndex!: number | null;
  @Field(() => Int, { nullable: true }) globalPosition!: number | null;
  @Field(() => String, { nullable: true }) streamId!: string | null;
  @Field(() => Int, { nullable: true }) revision!: number | null;
  @Field(() => String, { nullable: true }) eventId!: string | null;
  @Field(() => String) detail!: string;
}

@ObjectType({ description: 'The whole log checked: every event, every stream, every recorded checkpoint.' })
export class LogVerificationReport {
  @Field(() => Boolean) valid!: boolean;
  @Field(() => Int) eventsChecked!: number;
  @Field(() => Int) checkpointsChecked!: number;
  @Field(() => [LogProblem]) problems!: LogProblem[];
  @Field(() => IntegritySource) source!: string;
}
