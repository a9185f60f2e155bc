// eval_cluster --set name=value: sets one ClusterOptions field by its name
// (the fields the evaluation rounds tuned; booleans as 0/1).
#ifndef VEILLE_EVAL_CLUSTER_SET_OPTION_H_
#define VEILLE_EVAL_CLUSTER_SET_OPTION_H_

#include <string>

#include "veille/cluster.h"

namespace veille::eval {

// Parses "name=value" into `o`; false for an unknown name or no '='.
bool SetOption(ClusterOptions* o, const std::string& kv);

}  // namespace veille::eval

#endif  // VEILLE_EVAL_CLUSTER_SET_OPTION_H_
