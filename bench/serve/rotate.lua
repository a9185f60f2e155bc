-- wrk script: each request takes the next path of the file given after `--`
-- (one path per line), each thread starting at its own place in the list.
local paths = {}
local next_index = 1
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("thread_number", threads)
end

function init(args)
  for line in io.lines(args[1]) do
    if line ~= "" then paths[#paths + 1] = line end
  end
  next_index = (thread_number * 17) % #paths
end

function request()
  next_index = next_index % #paths + 1
  return wrk.format(nil, paths[next_index])
end
