import zlib, struct, base64, random
def chunk(t, d): return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xffffffff)
def paeth(a,b,c):
    p=a+b-c; pa,pb,pc=abs(p-a),abs(p-b),abs(p-c)
    return a if pa<=pb and pa<=pc else (b if pb<=pc else c)
def png(w,h,ctype,rows,bpp,plte=None,interlace=0,depth=8):
    raw=b""; prev=[0]*(w*bpp)
    for r,row in enumerate(rows):
        f=r%5; out=[]
        for i,x in enumerate(row):
            a=row[i-bpp] if i>=bpp else 0; b=prev[i]; c=prev[i-bpp] if i>=bpp else 0
            pred=[0,a,b,(a+b)//2,paeth(a,b,c)][f]
            out.append((x-pred)&255)
        raw+=bytes([f]+out); prev=row
    d=b"\x89PNG\r\n\x1a\n"+chunk(b"IHDR",struct.pack(">IIBBBBB",w,h,depth,ctype,0,0,interlace))
    if plte: d+=chunk(b"PLTE",bytes(plte))
    d+=chunk(b"tEXt",b"Comment\x00made by the test")
    comp=zlib.compress(raw,9); d+=chunk(b"IDAT",comp[:len(comp)//2])+chunk(b"IDAT",comp[len(comp)//2:])
    return d+chunk(b"IEND",b"")
random.seed(1)
W,H=4,6
grey=[[random.randrange(256) for _ in range(W)] for _ in range(H)]
rgb=[[random.randrange(256) for _ in range(W*3)] for _ in range(H)]
rgba=[[random.randrange(256) for _ in range(W*4)] for _ in range(H)]
ga=[[random.randrange(256) for _ in range(W*2)] for _ in range(H)]
plte=[random.randrange(256) for _ in range(9)]
idx=[[random.randrange(3) for _ in range(W)] for _ in range(H)]
def b64(x): return base64.b64encode(x).decode()
print('static let grey = "%s"' % b64(png(W,H,0,grey,1)))
print('static let greyPixels: [Double] = %s' % [float(v) for r in grey for v in r])
print('static let greyAlpha = "%s"' % b64(png(W,H,4,ga,2)))
print('static let greyAlphaPixels: [Double] = %s' % [float(r[2*i]) for r in ga for i in range(W)])
def planes(rows,ch): return [float(r[ch*i+c]) for c in range(3) for r in rows for i in range(W)]
print('static let rgb = "%s"' % b64(png(W,H,2,rgb,3)))
print('static let rgbPixels: [Double] = %s' % planes(rgb,3))
print('static let rgba = "%s"' % b64(png(W,H,6,rgba,4)))
print('static let rgbaPixels: [Double] = %s' % planes(rgba,4))
print('static let palette = "%s"' % b64(png(W,H,3,idx,1,plte=plte)))
print('static let palettePixels: [Double] = %s' % [float(plte[3*r[i]+c]) for c in range(3) for r in idx for i in range(W)])
print('static let interlaced = "%s"' % b64(png(W,H,0,grey,1,interlace=1)))
print('static let sixteenBit = "%s"' % b64(png(W,H,0,grey,1,depth=16)))
