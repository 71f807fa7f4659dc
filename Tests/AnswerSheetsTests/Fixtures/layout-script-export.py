#!/usr/bin/env python
# coding: utf-8

# # Q3. Create a process

# In[1]:


from multiprocessing import Process
p = Process(target=print, args=("x",))
p.start()
p.join()


# # Q4. Pool
# A pool reuses worker processes.
