@0xcaa6f4daec189c00;
# ActorGraph RPC interface. Never renumber an ordinal; add new fields at the end.

$import "/capnp/c++.capnp".namespace("kg::schema");

struct Date {
  # Days since 1970-01-01 (first day covered) and precision:
  # 0 unknown, 1 year, 2 month, 3 week, 4 day.
  days @0 :Int32;
  precision @1 :UInt8;
}

struct ActorInfo {
  id @0 :UInt64;
  name @1 :Text;
  kind @2 :Text;
  country @3 :Text;
  aliases @4 :List(Text);
}

struct Stats {
  actors @0 :UInt64;
  edges @1 :UInt64;
  evidence @2 :UInt64;
  documents @3 :UInt64;
}

interface ActorGraph {
  stats @0 () -> (stats :Stats);
  resolve @1 (name :Text) -> (actors :List(ActorInfo));
}
